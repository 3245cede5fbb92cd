/**
 * Banded DTW on several pairs at once that share their first series. One pair's DP is a serial chain (each
 * cell waits on its left neighbour's add), so a one-pair kernel is latency-bound at ~150–200 M cells/s in V8;
 * independent pairs side by side fill the pipeline. The WebAssembly SIMD kernel runs 8 pairs (dtw-lanes.wat),
 * the plain JS kernel 4; both use the same comparisons and order of operations, so they give the same bits.
 */
import { jsLaneKernel } from './dtw-lanes-js';
import { simdLaneKernel } from './dtw-lanes-simd';

export type DtwEngine = 'auto' | 'wasm' | 'js';

/** Buffers a lane kernel reads and writes; valid until the next `reserve`. */
export interface LaneBuffers {
  /** The shared series, a[0 … n). */
  a: Float64Array;
  /** The other series interleaved: b[t × lanes + lane], t = 0 … m − 1. */
  b: Float64Array;
  /** After `run`, row[m × lanes + lane] holds each pair's accumulated cost (not square-rooted). */
  row: Float64Array;
}

export interface LaneKernel {
  readonly engine: 'wasm' | 'js';
  readonly lanes: number;
  /** Room for series of up to `longest` points. */
  reserve(longest: number): LaneBuffers;
  /** The DP on a[0 … n) against each lane of b[0 … m), band half-width w ≥ |n − m|. */
  run(n: number, m: number, w: number, squared: boolean): void;
}

/**
 * The kernel for `engine`: 'auto' takes WebAssembly SIMD where the runtime has it, else JS; 'wasm' throws
 * where it is missing.
 *
 * @example
 * const kernel = laneKernel('auto');
 * const { a, b, row } = kernel.reserve(252); // fill a and b, then kernel.run(252, 252, 26, true)
 */
export function laneKernel(engine: DtwEngine = 'auto'): LaneKernel {
  if (engine === 'js') return jsLaneKernel();
  if (engine !== 'auto' && engine !== 'wasm')
    throw new RangeError(`invalid engine: ${String(engine)}`);
  const simd = simdLaneKernel();
  if (simd) return simd;
  if (engine === 'wasm') throw new Error('WebAssembly SIMD is not available in this runtime');
  return jsLaneKernel();
}
