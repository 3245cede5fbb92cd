/**
 * Delivering alerts to a Slack-compatible webhook (`{"text": …}` POSTed as JSON): one at a time, each retried
 * with exponential backoff, from a bounded queue. Sending never blocks the caller, and the alert is already
 * stored before it is queued: a dead webhook delays or (past the bound, oldest first) drops deliveries, never
 * the alert.
 */
export interface WebhookOptions {
  url: string;
  /** Deliveries waiting at most (default 1000); past it the oldest is dropped and counted. */
  maxQueue?: number;
  /** Attempts per delivery (default 8), waiting baseMs · 2^k (capped at maxMs) between them. */
  attempts?: number;
  baseMs?: number;
  maxMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface WebhookNotifier {
  send(payload: { text: string }): void;
  readonly stats: {
    queued: number;
    sent: number;
    failed: number;
    dropped: number;
    retries: number;
  };
  /** Resolves when the queue is empty (tests). */
  idle(): Promise<void>;
  close(): void;
}

/** @example const hook = createWebhookNotifier({ url }); hook.send({ text: 'BTC dvol > 80' }); */
export function createWebhookNotifier(o: WebhookOptions): WebhookNotifier {
  const maxQueue = o.maxQueue ?? 1000;
  const attempts = o.attempts ?? 8;
  const baseMs = o.baseMs ?? 500;
  const maxMs = o.maxMs ?? 60_000;
  const doFetch = o.fetch ?? fetch;
  const queue: { text: string }[] = [];
  const stats = { queued: 0, sent: 0, failed: 0, dropped: 0, retries: 0 };
  let running: Promise<void> | null = null;
  let closed = false;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((r) => {
      const timer = setTimeout(() => ((wake = null), r()), ms);
      wake = () => (clearTimeout(timer), (wake = null), r());
    });

  const deliver = async (payload: { text: string }): Promise<boolean> => {
    for (let k = 0; k < attempts && !closed; k++) {
      if (k > 0) {
        stats.retries++;
        await sleep(Math.min(baseMs * 2 ** (k - 1), maxMs));
      }
      try {
        const res = await doFetch(o.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payload),
          signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
        });
        await res.body?.cancel().catch(() => undefined);
        if (res.ok) return true;
      } catch {
        // network error or timeout: retry
      }
    }
    return false;
  };

  const drain = async () => {
    while (queue.length && !closed) {
      const next = queue.shift()!;
      stats.queued = queue.length;
      if (await deliver(next)) stats.sent++;
      else stats.failed++;
    }
    running = null;
  };

  return {
    send(payload) {
      if (closed) return;
      if (queue.length >= maxQueue) {
        queue.shift();
        stats.dropped++;
      }
      queue.push(payload);
      stats.queued = queue.length;
      running ??= drain();
    },
    stats,
    async idle() {
      while (running) await running;
    },
    close() {
      closed = true;
      wake?.();
    },
  };
}
