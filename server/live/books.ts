/**
 * The hub's view of each relayed `book.*` channel: the book rebuilt from the upstream stream, so a client that
 * joins an already-subscribed channel gets a snapshot of its own, and a change_id gap is caught once for all.
 */
import { applyBookMessage, bookLevels, type LocalBook } from '../sources/deribit/order-book';

export type BookStep =
  /** Relay the message as it came. */
  | { kind: 'relay' }
  /** The stream broke (change_id gap): tell clients, resubscribe upstream, relay nothing until a snapshot. */
  | { kind: 'gap' }
  /** Waiting for a snapshot after a gap: drop. */
  | { kind: 'drop' };

export interface BookRelay {
  /** Feed one upstream book message of `channel`. */
  apply(channel: string, data: unknown): BookStep;
  /** A snapshot message of the current book, or null when it is not valid. */
  snapshot(channel: string): unknown;
  /** Forget the book (unsubscribed, or upstream reconnected). */
  reset(channel: string): void;
}

/** @example const books = createBookRelay(); books.apply('book.BTC-PERPETUAL.100ms', data); */
export function createBookRelay(): BookRelay {
  const books = new Map<string, LocalBook | null>();
  return {
    apply(channel, data) {
      const current = books.get(channel) ?? null;
      let r;
      try {
        r = applyBookMessage(current, data);
      } catch {
        r = { ok: false as const };
      }
      if (r.ok) {
        books.set(channel, r.book);
        return { kind: 'relay' };
      }
      const wasValid = current !== null;
      books.set(channel, null);
      return wasValid ? { kind: 'gap' } : { kind: 'drop' };
    },
    snapshot(channel) {
      const b = books.get(channel);
      if (!b) return null;
      const { bids, asks } = bookLevels(b);
      return {
        type: 'snapshot',
        instrument_name: b.instrument_name,
        timestamp: b.timestamp,
        change_id: b.change_id,
        bids: bids.map(([p, a]) => ['new', p, a]),
        asks: asks.map(([p, a]) => ['new', p, a]),
      };
    },
    reset: (channel) => void books.delete(channel),
  };
}
