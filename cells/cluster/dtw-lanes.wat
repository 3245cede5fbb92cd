;; Banded DTW for 8 pairs at once that share their first series: WebAssembly SIMD, 4 × f64x2 per step.
;;
;; Source of cells/cluster/dtw-lanes-wasm.ts (regenerate with `npm run build:wasm`; a unit test checks that the
;; committed bytes are this file assembled). Why 8 lanes: one pair's DP is a serial chain (each cell waits for
;; its left neighbour's add), so a scalar kernel is latency-bound; 8 independent chains fill the pipeline.
;; Measured on 200 × 252, 10% band, Node 20: 2 lanes ~1.6 G cells/s, 4 ~2.0, 8 ~2.8, 12 ~2.7.
;;
;; Memory layout (byte offsets given by the caller, all f64, 16-byte aligned):
;;   a:   the shared series, n values
;;   b:   the 8 other series interleaved, b[(j − 1) × 8 + lane] for j = 1 … m
;;   row: the DP row, row[j × 8 + lane] for j = 0 … m; the caller sets lane values to 0 at j = 0 and +inf
;;        elsewhere; on return row[m × 8 + lane] holds each pair's accumulated cost.
;; One row buffer is updated in place: before cell j is written, row[j] still holds the previous row ("up"),
;; and "diag" is the previous row's j − 1 carried in a register.
;;
;; min of three is f64x2.pmin (b < a ? b : a), the same comparisons as the JS kernels, so every path gives
;; bit-identical distances; cost is (a − b)² when $squared, else |a − b|.
(module
  (memory (export "memory") 1)
  (func (export "band")
    (param $a i32) (param $n i32) (param $b i32) (param $m i32) (param $w i32) (param $row i32)
    (param $squared i32)
    (local $i i32) (local $jStart i32) (local $jEnd i32) (local $p i32) (local $q i32) (local $count i32)
    (local $ai v128) (local $up v128) (local $x v128) (local $inf v128)
    (local $left0 v128) (local $left1 v128) (local $left2 v128) (local $left3 v128)
    (local $diag0 v128) (local $diag1 v128) (local $diag2 v128) (local $diag3 v128)
    (local.set $inf (f64x2.splat (f64.const inf)))
    (local.set $i (i32.const 1))
    (block $done
      (loop $rows
        (br_if $done (i32.gt_s (local.get $i) (local.get $n)))
        ;; jStart = max(1, i − w), jEnd = min(m, i + w)
        (local.set $jStart
          (select
            (i32.sub (local.get $i) (local.get $w))
            (i32.const 1)
            (i32.gt_s (i32.sub (local.get $i) (local.get $w)) (i32.const 1))))
        (local.set $jEnd
          (select
            (i32.add (local.get $i) (local.get $w))
            (local.get $m)
            (i32.lt_s (i32.add (local.get $i) (local.get $w)) (local.get $m))))
        (local.set $ai
          (f64x2.splat
            (f64.load (i32.add (local.get $a) (i32.shl (i32.sub (local.get $i) (i32.const 1)) (i32.const 3))))))
        ;; p → row[jStart − 1], q → b[jStart − 1] (the b value of cell jStart); 64 bytes per j
        (local.set $p (i32.add (local.get $row) (i32.shl (i32.sub (local.get $jStart) (i32.const 1)) (i32.const 6))))
        (local.set $q (i32.add (local.get $b) (i32.shl (i32.sub (local.get $jStart) (i32.const 1)) (i32.const 6))))
        ;; The cell left of the band: its old value is the first diag, its new value +inf.
        (local.set $diag0 (v128.load offset=0 (local.get $p)))
        (local.set $diag1 (v128.load offset=16 (local.get $p)))
        (local.set $diag2 (v128.load offset=32 (local.get $p)))
        (local.set $diag3 (v128.load offset=48 (local.get $p)))
        (v128.store offset=0 (local.get $p) (local.get $inf))
        (v128.store offset=16 (local.get $p) (local.get $inf))
        (v128.store offset=32 (local.get $p) (local.get $inf))
        (v128.store offset=48 (local.get $p) (local.get $inf))
        (local.set $left0 (local.get $inf))
        (local.set $left1 (local.get $inf))
        (local.set $left2 (local.get $inf))
        (local.set $left3 (local.get $inf))
        (local.set $count (i32.add (i32.sub (local.get $jEnd) (local.get $jStart)) (i32.const 1)))
        (if (local.get $squared)
          (then
            (loop $cells
              (local.set $p (i32.add (local.get $p) (i32.const 64)))
              ;; lanes 0–1: left = (ai − b)² + min(min(up, diag), left)
              (local.set $up (v128.load offset=0 (local.get $p)))
              (local.set $x (f64x2.sub (local.get $ai) (v128.load offset=0 (local.get $q))))
              (local.set $left0
                (f64x2.add
                  (f64x2.mul (local.get $x) (local.get $x))
                  (f64x2.pmin (f64x2.pmin (local.get $up) (local.get $diag0)) (local.get $left0))))
              (v128.store offset=0 (local.get $p) (local.get $left0))
              (local.set $diag0 (local.get $up))
              ;; lanes 2–3
              (local.set $up (v128.load offset=16 (local.get $p)))
              (local.set $x (f64x2.sub (local.get $ai) (v128.load offset=16 (local.get $q))))
              (local.set $left1
                (f64x2.add
                  (f64x2.mul (local.get $x) (local.get $x))
                  (f64x2.pmin (f64x2.pmin (local.get $up) (local.get $diag1)) (local.get $left1))))
              (v128.store offset=16 (local.get $p) (local.get $left1))
              (local.set $diag1 (local.get $up))
              ;; lanes 4–5
              (local.set $up (v128.load offset=32 (local.get $p)))
              (local.set $x (f64x2.sub (local.get $ai) (v128.load offset=32 (local.get $q))))
              (local.set $left2
                (f64x2.add
                  (f64x2.mul (local.get $x) (local.get $x))
                  (f64x2.pmin (f64x2.pmin (local.get $up) (local.get $diag2)) (local.get $left2))))
              (v128.store offset=32 (local.get $p) (local.get $left2))
              (local.set $diag2 (local.get $up))
              ;; lanes 6–7
              (local.set $up (v128.load offset=48 (local.get $p)))
              (local.set $x (f64x2.sub (local.get $ai) (v128.load offset=48 (local.get $q))))
              (local.set $left3
                (f64x2.add
                  (f64x2.mul (local.get $x) (local.get $x))
                  (f64x2.pmin (f64x2.pmin (local.get $up) (local.get $diag3)) (local.get $left3))))
              (v128.store offset=48 (local.get $p) (local.get $left3))
              (local.set $diag3 (local.get $up))
              (local.set $q (i32.add (local.get $q) (i32.const 64)))
              (br_if $cells (local.tee $count (i32.sub (local.get $count) (i32.const 1))))))
          (else
            ;; The same loop with |ai − b| as the local cost.
            (loop $cells
              (local.set $p (i32.add (local.get $p) (i32.const 64)))
              (local.set $up (v128.load offset=0 (local.get $p)))
              (local.set $left0
                (f64x2.add
                  (f64x2.abs (f64x2.sub (local.get $ai) (v128.load offset=0 (local.get $q))))
                  (f64x2.pmin (f64x2.pmin (local.get $up) (local.get $diag0)) (local.get $left0))))
              (v128.store offset=0 (local.get $p) (local.get $left0))
              (local.set $diag0 (local.get $up))
              (local.set $up (v128.load offset=16 (local.get $p)))
              (local.set $left1
                (f64x2.add
                  (f64x2.abs (f64x2.sub (local.get $ai) (v128.load offset=16 (local.get $q))))
                  (f64x2.pmin (f64x2.pmin (local.get $up) (local.get $diag1)) (local.get $left1))))
              (v128.store offset=16 (local.get $p) (local.get $left1))
              (local.set $diag1 (local.get $up))
              (local.set $up (v128.load offset=32 (local.get $p)))
              (local.set $left2
                (f64x2.add
                  (f64x2.abs (f64x2.sub (local.get $ai) (v128.load offset=32 (local.get $q))))
                  (f64x2.pmin (f64x2.pmin (local.get $up) (local.get $diag2)) (local.get $left2))))
              (v128.store offset=32 (local.get $p) (local.get $left2))
              (local.set $diag2 (local.get $up))
              (local.set $up (v128.load offset=48 (local.get $p)))
              (local.set $left3
                (f64x2.add
                  (f64x2.abs (f64x2.sub (local.get $ai) (v128.load offset=48 (local.get $q))))
                  (f64x2.pmin (f64x2.pmin (local.get $up) (local.get $diag3)) (local.get $left3))))
              (v128.store offset=48 (local.get $p) (local.get $left3))
              (local.set $diag3 (local.get $up))
              (local.set $q (i32.add (local.get $q) (i32.const 64)))
              (br_if $cells (local.tee $count (i32.sub (local.get $count) (i32.const 1)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows)))))
