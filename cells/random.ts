/**
 * Seeded pseudo-random numbers. Every stochastic routine in Vol Lab takes a seed and draws from here,
 * so results are reproducible across browser, worker and Node.
 *
 * @example
 * const rng = createRng(42);
 * rng.next(); // uniform in [0, 1)
 * rng.normal(); // standard normal
 */
export interface Rng {
  /** Uniform in [0, 1) with 53 bits of precision. */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Marsaglia polar method). */
  normal(): number;
  /** Student-t with `nu` degrees of freedom, unit scale (variance nu / (nu - 2)). */
  studentT(nu: number): number;
  /** Gamma(shape, 1) by Marsaglia and Tsang (2000). */
  gamma(shape: number): number;
  /** A new generator whose stream is independent of this one's. */
  fork(): Rng;
}

/** xoshiro128** (Blackman and Vigna 2018) seeded through splitmix32. */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`invalid seed: ${seed}`);
  let x = (Math.floor(seed) ^ Math.floor(seed / 2 ** 32)) >>> 0;
  const splitmix32 = (): number => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = splitmix32();
  if ((a | b | c | d) === 0) a = 1;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };

  let spareNormal: number | null = null;
  const rng: Rng = {
    next() {
      const high = nextUint32() >>> 5; // 27 bits
      const low = nextUint32() >>> 6; // 26 bits
      return (high * 67108864 + low) / 9007199254740992;
    },
    int(n) {
      if (!(n > 0) || !Number.isInteger(n)) throw new RangeError(`invalid n: ${n}`);
      return Math.floor(rng.next() * n);
    },
    normal() {
      if (spareNormal !== null) {
        const z = spareNormal;
        spareNormal = null;
        return z;
      }
      let u: number, v: number, q: number;
      do {
        u = 2 * rng.next() - 1;
        v = 2 * rng.next() - 1;
        q = u * u + v * v;
      } while (q >= 1 || q === 0);
      const f = Math.sqrt((-2 * Math.log(q)) / q);
      spareNormal = v * f;
      return u * f;
    },
    gamma(shape) {
      if (!(shape > 0)) throw new RangeError(`invalid shape: ${shape}`);
      if (shape < 1) {
        return rng.gamma(shape + 1) * Math.pow(rng.next() || Number.MIN_VALUE, 1 / shape);
      }
      const dd = shape - 1 / 3;
      const cc = 1 / Math.sqrt(9 * dd);
      for (;;) {
        let z: number, v: number;
        do {
          z = rng.normal();
          v = 1 + cc * z;
        } while (v <= 0);
        v = v * v * v;
        const u = rng.next();
        if (u < 1 - 0.0331 * z ** 4) return dd * v;
        if (Math.log(u) < 0.5 * z * z + dd * (1 - v + Math.log(v))) return dd * v;
      }
    },
    studentT(nu) {
      if (!(nu > 0)) throw new RangeError(`invalid nu: ${nu}`);
      return rng.normal() / Math.sqrt((2 * rng.gamma(nu / 2)) / nu);
    },
    fork() {
      return createRng(nextUint32() * 4294967296 + nextUint32());
    },
  };
  return rng;
}

function rotl(v: number, k: number): number {
  return (v << k) | (v >>> (32 - k));
}
