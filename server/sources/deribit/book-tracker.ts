/**
 * Keeps local order books in sync over a `DeribitWsClient`: applies `book.*` notifications and, on a
 * change_id gap (or a reconnect), emits a gap marker and resubscribes so the exchange sends a fresh snapshot.
 */
import { applyBookMessage, type LocalBook } from './order-book';
import type { DeribitWsClient, WsEvent } from './ws-client';

export interface BookTracker {
  book(instrument: string): LocalBook | null;
  readonly resyncs: number;
  stop(): void;
}

/**
 * @example
 * const books = trackBooks(ws, ['BTC-PERPETUAL'], (e) => e.type === 'gap' && console.warn(e));
 */
export function trackBooks(
  ws: DeribitWsClient,
  instruments: readonly string[],
  onEvent: (e: WsEvent) => void = () => {},
): BookTracker {
  const books = new Map<string, LocalBook | null>(instruments.map((i) => [i, null]));
  const resyncing = new Set<string>();
  let resyncs = 0;
  const channel = (i: string) => `book.${i}.100ms`;
  const off = ws.on((e) => {
    if (e.type === 'gap' && e.channel?.startsWith('book.'))
      books.set(e.channel.split('.')[1]!, null);
    if (e.type !== 'data' || !e.channel.startsWith('book.')) return;
    const instrument = e.channel.split('.')[1]!;
    if (!books.has(instrument)) return;
    const r = applyBookMessage(books.get(instrument) ?? null, e.data);
    if (r.ok) {
      books.set(instrument, r.book);
      resyncing.delete(instrument);
      return;
    }
    books.set(instrument, null);
    if (resyncing.has(instrument)) return;
    resyncing.add(instrument);
    resyncs++;
    const t = Date.now();
    onEvent({ type: 'gap', channel: e.channel, reason: 'change_id', since: t, until: t });
    ws.resubscribe([e.channel]).catch(() => resyncing.delete(instrument));
  });
  void ws.subscribe(instruments.map(channel)).catch(() => {});
  return {
    book: (i) => books.get(i) ?? null,
    get resyncs() {
      return resyncs;
    },
    stop: off,
  };
}
