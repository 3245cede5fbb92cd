/**
 * Fault injection for the simulated exchange, armed on demand by tests: the next n requests get 429 /
 * `too_many_requests` (10028), the next n replies are delayed, the next n frames or bodies are malformed, the
 * next n book changes are skipped (their change_id is consumed, so clients see a gap). Dropping sockets is an
 * action on the server (`exchange.dropSockets()`).
 */
export interface Faults {
  rateLimit(n: number): void;
  slow(n: number, ms: number): void;
  malformed(n: number): void;
  skipChangeIds(n: number): void;
  /** Consume one armed fault of this kind: true when it fires. */
  take(kind: 'rateLimit' | 'slow' | 'malformed' | 'skipChangeId'): boolean;
  readonly slowMs: number;
  reset(): void;
}

/** @example const faults = createFaults(); faults.rateLimit(3); */
export function createFaults(): Faults {
  const armed = { rateLimit: 0, slow: 0, malformed: 0, skipChangeId: 0 };
  let slowMs = 0;
  const count = (n: number) => {
    if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`invalid n: ${n}`);
    return n;
  };
  return {
    rateLimit: (n) => void (armed.rateLimit = count(n)),
    slow(n, ms) {
      armed.slow = count(n);
      slowMs = ms;
    },
    malformed: (n) => void (armed.malformed = count(n)),
    skipChangeIds: (n) => void (armed.skipChangeId = count(n)),
    take(kind) {
      if (armed[kind] <= 0) return false;
      armed[kind]--;
      return true;
    },
    get slowMs() {
      return slowMs;
    },
    reset() {
      armed.rateLimit = armed.slow = armed.malformed = armed.skipChangeId = 0;
    },
  };
}
