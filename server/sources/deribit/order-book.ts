/**
 * A local order book rebuilt from Deribit's `book.{instrument}.100ms` channel: a snapshot, then changes
 * `[action, price, amount]` whose `prev_change_id` must equal the last `change_id` seen. A mismatch is a gap:
 * the book is invalid until the next snapshot (the tracker resubscribes to get one).
 */
import { asObject, num, str } from './fields';

export interface LocalBook {
  instrument_name: string;
  change_id: number;
  timestamp: number;
  bids: Map<number, number>;
  asks: Map<number, number>;
}

export type BookUpdate =
  | { ok: true; book: LocalBook }
  /** The message did not continue the book: resubscribe. */
  | { ok: false; expected: number | null; got: number | null };

function applyLevels(side: Map<number, number>, changes: unknown): void {
  if (!Array.isArray(changes)) return;
  for (const change of changes) {
    if (!Array.isArray(change)) continue;
    const [action, price, amount] = change as [unknown, unknown, unknown];
    const p = Number(price);
    if (!Number.isFinite(p)) continue;
    if (action === 'delete' || Number(amount) === 0) side.delete(p);
    else side.set(p, Number(amount));
  }
}

/**
 * Apply one `book` notification to `book` (null before the first snapshot). Mutates and returns the book.
 *
 * @example
 * let r = applyBookMessage(null, snapshot); // {ok: true, book}
 * r = applyBookMessage(r.book, change);      // {ok: false, …} on a change_id gap
 */
export function applyBookMessage(book: LocalBook | null, data: unknown): BookUpdate {
  const d = asObject(data, 'book message');
  const changeId = num(d, 'change_id');
  if (changeId === null) return { ok: false, expected: book?.change_id ?? null, got: null };
  if (str(d, 'type') === 'snapshot') {
    const fresh: LocalBook = {
      instrument_name: str(d, 'instrument_name') ?? '',
      change_id: changeId,
      timestamp: num(d, 'timestamp') ?? 0,
      bids: new Map(),
      asks: new Map(),
    };
    applyLevels(fresh.bids, d.bids);
    applyLevels(fresh.asks, d.asks);
    return { ok: true, book: fresh };
  }
  const prev = num(d, 'prev_change_id');
  if (!book || prev !== book.change_id)
    return { ok: false, expected: book?.change_id ?? null, got: prev };
  applyLevels(book.bids, d.bids);
  applyLevels(book.asks, d.asks);
  book.change_id = changeId;
  book.timestamp = num(d, 'timestamp') ?? book.timestamp;
  return { ok: true, book };
}

/** Sorted levels: bids descending, asks ascending. */
export function bookLevels(book: LocalBook): {
  bids: [number, number][];
  asks: [number, number][];
} {
  return {
    bids: [...book.bids].sort((a, b) => b[0] - a[0]),
    asks: [...book.asks].sort((a, b) => a[0] - b[0]),
  };
}
