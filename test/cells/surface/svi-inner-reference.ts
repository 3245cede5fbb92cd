/**
 * Reference for `cells/surface/svi-inner.ts`: the generic face enumeration the solver shipped with before its
 * faces were written out (Vol Lab commit 428dd0e, cells/surface/svi-inner.ts), kept verbatim in its algebra: each
 * face as x0 + P·t with PᵀAP formed by loops and solved by Gaussian elimination with partial pivoting.
 */
import type { InnerSolution, InnerSums } from '../../../cells/surface/svi-inner';

const A = new Float64Array(9);
const G = new Float64Array(3);
const P = new Float64Array(9); // up to 3 columns of directions
const M = new Float64Array(9);
const R = new Float64Array(3);
const T = new Float64Array(3);
const X = new Float64Array(3);
const X0 = new Float64Array(3);
const AX0 = new Float64Array(3);
const RESULT: InnerSolution = { a: NaN, d: NaN, c: NaN, sse: NaN };

/**
 * (d, c) faces of the square |d| ≤ c ≤ cMax − |d| in units of cMax: [d0, c0, kind, dd, dc] with kind 2 = the
 * interior (two free directions), 1 = an edge (point + direction), 0 = a vertex.
 */
const DC_FACES: readonly (readonly number[])[] = [
  [0, 0, 2, 0, 0],
  [0, 0, 1, 1, 1],
  [0, 0, 1, -1, 1],
  [0, 1, 1, 1, -1],
  [0, 1, 1, -1, -1],
  [0, 0, 0, 0, 0],
  [0.5, 0.5, 0, 0, 0],
  [-0.5, 0.5, 0, 0, 0],
  [0, 1, 0, 0, 0],
];

/** Solves the r×r system M t = R in place (Gaussian elimination with partial pivoting); false if singular. */
function solveSmall(r: number): boolean {
  for (let col = 0; col < r; col++) {
    let piv = col;
    for (let i = col + 1; i < r; i++)
      if (Math.abs(M[i * 3 + col]!) > Math.abs(M[piv * 3 + col]!)) piv = i;
    if (Math.abs(M[piv * 3 + col]!) < 1e-300) return false;
    if (piv !== col) {
      for (let j = 0; j < r; j++) {
        const tmp = M[col * 3 + j]!;
        M[col * 3 + j] = M[piv * 3 + j]!;
        M[piv * 3 + j] = tmp;
      }
      const tmp = R[col]!;
      R[col] = R[piv]!;
      R[piv] = tmp;
    }
    for (let i = col + 1; i < r; i++) {
      const f = M[i * 3 + col]! / M[col * 3 + col]!;
      for (let j = col; j < r; j++) M[i * 3 + j]! -= f * M[col * 3 + j]!;
      R[i]! -= f * R[col]!;
    }
  }
  for (let i = r - 1; i >= 0; i--) {
    let s = R[i]!;
    for (let j = i + 1; j < r; j++) s -= M[i * 3 + j]! * T[j]!;
    T[i] = s / M[i * 3 + i]!;
  }
  return true;
}

/** Minimises over x0 + P·t (r columns); leaves the point in X and returns the objective xᵀAx − 2gᵀx. */
function minimiseOnFace(r: number): number {
  // M = PᵀAP, R = Pᵀ(g − A x0)
  const ax0 = AX0;
  for (let i = 0; i < 3; i++)
    ax0[i] = A[i * 3]! * X0[0]! + A[i * 3 + 1]! * X0[1]! + A[i * 3 + 2]! * X0[2]!;
  for (let p = 0; p < r; p++) {
    let rp = 0;
    for (let i = 0; i < 3; i++) rp += P[i * 3 + p]! * (G[i]! - ax0[i]!);
    R[p] = rp;
    for (let q = 0; q < r; q++) {
      let s = 0;
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) s += P[i * 3 + p]! * A[i * 3 + j]! * P[j * 3 + q]!;
      }
      M[p * 3 + q] = s;
    }
  }
  if (r > 0 && !solveSmall(r)) return Infinity;
  for (let i = 0; i < 3; i++) {
    let x = X0[i]!;
    for (let p = 0; p < r; p++) x += P[i * 3 + p]! * T[p]!;
    X[i] = x;
  }
  let q = 0;
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) q += X[i]! * A[i * 3 + j]! * X[j]!;
    q -= 2 * G[i]! * X[i]!;
  }
  return q;
}

/** Weighted least squares for (a, d, c) on the Zeliade domain. The result object is reused: copy what you keep. */
export function solveInnerReference(
  s: InnerSums,
  cMax: number,
  aLo: number,
  aHi: number,
): InnerSolution {
  A[0] = s.s1;
  A[1] = A[3] = s.sy;
  A[2] = A[6] = s.sz;
  A[4] = s.syy;
  A[5] = A[7] = s.syz;
  A[8] = s.szz;
  G[0] = s.sv;
  G[1] = s.syv;
  G[2] = s.szv;
  const tol = 1e-12 * Math.max(cMax, Math.abs(aHi), 1);
  let best = Infinity;
  let ba = NaN;
  let bd = NaN;
  let bc = NaN;
  let global = false;
  for (let af = 0; af < 3; af++) {
    for (const face of DC_FACES) {
      P.fill(0);
      let r = 0;
      X0[0] = af === 1 ? aLo : af === 2 ? aHi : 0;
      if (af === 0) P[0 * 3 + r++] = 1;
      X0[1] = face[0]! * cMax;
      X0[2] = face[1]! * cMax;
      if (face[2] === 2) {
        P[1 * 3 + r++] = 1;
        P[2 * 3 + r++] = 1;
      } else if (face[2] === 1) {
        P[1 * 3 + r] = face[3]!;
        P[2 * 3 + r] = face[4]!;
        r++;
      }
      const q = minimiseOnFace(r);
      if (!(q < best)) continue;
      const a = X[0]!;
      const d = X[1]!;
      const c = X[2]!;
      if (a < aLo - tol || a > aHi + tol || Math.abs(d) > c + tol || Math.abs(d) > cMax - c + tol)
        continue;
      best = q;
      ba = Math.min(Math.max(a, aLo), aHi);
      bc = Math.min(Math.max(c, 0), cMax);
      bd = Math.max(Math.min(d, bc, cMax - bc), -bc, bc - cMax);
      // A feasible unconstrained minimum is the global minimum.
      if (af === 0 && face[2] === 2) {
        global = true;
        break;
      }
    }
    if (global) break;
  }
  RESULT.a = ba;
  RESULT.d = bd;
  RESULT.c = bc;
  RESULT.sse = Math.max(best + s.svv, 0);
  return RESULT;
}
