/**
 * The inner step of the quasi-explicit SVI calibration (De Marco and Martini, "Quasi-explicit calibration of
 * Gatheral's SVI model", Zeliade white paper, 2009): for fixed (m, σ), with y = (k − m)/σ, the slice
 * w = a + d·y + c·√(y² + 1) is linear in (a, d, c), fitted by weighted least squares on the domain
 * 0 ≤ c ≤ cMax, |d| ≤ c, |d| ≤ cMax − c, aLo ≤ a ≤ aHi (cMax = 4σ in the paper, i.e. b(1 + |ρ|) ≤ 4).
 *
 * The objective is a convex quadratic, so its minimum over the polytope is the best feasible among the
 * unconstrained minima on the affine hulls of all faces: 3 (for a) × 9 (for the (d, c) square) candidates.
 */
export interface InnerSums {
  /** Σw, Σwy, Σwz, Σwy², Σwyz, Σwz² (z = √(y²+1)). */
  s1: number;
  sy: number;
  sz: number;
  syy: number;
  syz: number;
  szz: number;
  /** Σwv, Σwyv, Σwzv, Σwv². */
  sv: number;
  syv: number;
  szv: number;
  svv: number;
}

export interface InnerSolution {
  a: number;
  d: number;
  c: number;
  /** Weighted sum of squared residuals. */
  sse: number;
}

/**
 * The normal equations: A = [Σw, Σwy, Σwz; ·, Σwy², Σwyz; ·, ·, Σwz²] (symmetric) and g = [Σwv, Σwyv, Σwzv], as
 * Q = [A00, A01, A02, A11, A12, A22, g0, g1, g2] (a typed array: a double stored in a module `let` is boxed).
 */
const Q = new Float64Array(9);
/** The minimiser on the last face tried (a typed array: no allocation, no boxed doubles). */
const X = new Float64Array(3);
const M3 = new Float64Array(9);
const R3 = new Float64Array(3);
const RESULT: InnerSolution = { a: NaN, d: NaN, c: NaN, sse: NaN };
const SINGULAR = 1e-300;

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

/** xᵀAx − 2gᵀx at X. */
function objectiveAtX(): number {
  const A00 = Q[0]!;
  const A01 = Q[1]!;
  const A02 = Q[2]!;
  const A11 = Q[3]!;
  const A12 = Q[4]!;
  const A22 = Q[5]!;
  const a = X[0]!;
  const d = X[1]!;
  const c = X[2]!;
  return (
    a * (A00 * a + 2 * (A01 * d + A02 * c) - 2 * Q[6]!) +
    d * (A11 * d + 2 * A12 * c - 2 * Q[7]!) +
    c * (A22 * c - 2 * Q[8]!)
  );
}

/** A 2×2 system [m00 m01; m01 m11]·t = r by elimination with partial pivoting; false if singular. */
function solve2(m00: number, m01: number, m11: number, r0: number, r1: number): boolean {
  let t0: number;
  let t1: number;
  if (Math.abs(m01) > Math.abs(m00)) {
    if (Math.abs(m01) < SINGULAR) return false;
    const f = m00 / m01;
    const p = m01 - f * m11;
    if (Math.abs(p) < SINGULAR) return false;
    t1 = (r0 - f * r1) / p;
    t0 = (r1 - m11 * t1) / m01;
  } else {
    if (Math.abs(m00) < SINGULAR) return false;
    const f = m01 / m00;
    const p = m11 - f * m01;
    if (Math.abs(p) < SINGULAR) return false;
    t1 = (r1 - f * r0) / p;
    t0 = (r0 - m01 * t1) / m00;
  }
  R3[0] = t0;
  R3[1] = t1;
  return true;
}

/** The unconstrained minimum, A x = g (3×3, partial pivoting); false if singular. */
function solveFree(): boolean {
  M3[0] = Q[0]!;
  M3[1] = Q[1]!;
  M3[2] = Q[2]!;
  M3[3] = Q[1]!;
  M3[4] = Q[3]!;
  M3[5] = Q[4]!;
  M3[6] = Q[2]!;
  M3[7] = Q[4]!;
  M3[8] = Q[5]!;
  R3[0] = Q[6]!;
  R3[1] = Q[7]!;
  R3[2] = Q[8]!;
  for (let col = 0; col < 3; col++) {
    let piv = col;
    for (let i = col + 1; i < 3; i++)
      if (Math.abs(M3[i * 3 + col]!) > Math.abs(M3[piv * 3 + col]!)) piv = i;
    if (Math.abs(M3[piv * 3 + col]!) < SINGULAR) return false;
    if (piv !== col) {
      for (let j = 0; j < 3; j++) {
        const tmp = M3[col * 3 + j]!;
        M3[col * 3 + j] = M3[piv * 3 + j]!;
        M3[piv * 3 + j] = tmp;
      }
      const tmp = R3[col]!;
      R3[col] = R3[piv]!;
      R3[piv] = tmp;
    }
    for (let i = col + 1; i < 3; i++) {
      const f = M3[i * 3 + col]! / M3[col * 3 + col]!;
      for (let j = col; j < 3; j++) M3[i * 3 + j]! -= f * M3[col * 3 + j]!;
      R3[i]! -= f * R3[col]!;
    }
  }
  X[2] = R3[2]! / M3[8]!;
  X[1] = (R3[1]! - M3[5]! * X[2]!) / M3[4]!;
  X[0] = (R3[0]! - M3[1]! * X[1]! - M3[2]! * X[2]!) / M3[0]!;
  return true;
}

/**
 * Minimises over the face {a free or fixed at a0} × {(d0, c0) + t·(dd, dc)} (`dcKind` 2: d and c free, 1: one
 * direction, 0: fixed), leaving the point in X; returns xᵀAx − 2gᵀx there, Infinity when the face's system is
 * singular. Each of the six face shapes is the same least-squares algebra written out for its directions.
 */
function minimiseOnFace(
  aFree: boolean,
  a0: number,
  d0: number,
  c0: number,
  dcKind: number,
  dd: number,
  dc: number,
): number {
  if (aFree && dcKind === 2) {
    if (!solveFree()) return Infinity;
    return objectiveAtX();
  }
  const A00 = Q[0]!;
  const A01 = Q[1]!;
  const A02 = Q[2]!;
  const A11 = Q[3]!;
  const A12 = Q[4]!;
  const A22 = Q[5]!;
  // Residual of the normal equations at the face's base point: g − A·x0.
  const ra = Q[6]! - (A00 * a0 + A01 * d0 + A02 * c0);
  const rd = Q[7]! - (A01 * a0 + A11 * d0 + A12 * c0);
  const rc = Q[8]! - (A02 * a0 + A12 * d0 + A22 * c0);
  X[0] = a0;
  X[1] = d0;
  X[2] = c0;
  if (dcKind === 2) {
    if (!solve2(A11, A12, A22, rd, rc)) return Infinity;
    X[1] = d0 + R3[0]!;
    X[2] = c0 + R3[1]!;
  } else if (dcKind === 1) {
    // Direction e = (0, dd, dc): eᵀAe, eᵀA·(1, 0, 0), eᵀr.
    const mee = dd * dd * A11 + 2 * dd * dc * A12 + dc * dc * A22;
    const re = dd * rd + dc * rc;
    if (aFree) {
      const mae = dd * A01 + dc * A02;
      if (!solve2(A00, mae, mee, ra, re)) return Infinity;
      X[0] = a0 + R3[0]!;
      X[1] = d0 + dd * R3[1]!;
      X[2] = c0 + dc * R3[1]!;
    } else {
      if (Math.abs(mee) < SINGULAR) return Infinity;
      const t = re / mee;
      X[1] = d0 + dd * t;
      X[2] = c0 + dc * t;
    }
  } else if (aFree) {
    if (Math.abs(A00) < SINGULAR) return Infinity;
    X[0] = a0 + ra / A00;
  }
  return objectiveAtX();
}

/** Weighted least squares for (a, d, c) on the Zeliade domain. The result object is reused: copy what you keep. */
export function solveInner(s: InnerSums, cMax: number, aLo: number, aHi: number): InnerSolution {
  Q[0] = s.s1;
  Q[1] = s.sy;
  Q[2] = s.sz;
  Q[3] = s.syy;
  Q[4] = s.syz;
  Q[5] = s.szz;
  Q[6] = s.sv;
  Q[7] = s.syv;
  Q[8] = s.szv;
  const tol = 1e-12 * Math.max(cMax, Math.abs(aHi), 1);
  let best = Infinity;
  let ba = NaN;
  let bd = NaN;
  let bc = NaN;
  let global = false;
  for (let af = 0; af < 3; af++) {
    const a0 = af === 1 ? aLo : af === 2 ? aHi : 0;
    for (const face of DC_FACES) {
      const kind = face[2]!;
      const q = minimiseOnFace(
        af === 0,
        a0,
        face[0]! * cMax,
        face[1]! * cMax,
        kind,
        face[3]!,
        face[4]!,
      );
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
      if (af === 0 && kind === 2) {
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
