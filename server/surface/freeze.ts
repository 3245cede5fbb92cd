/**
 * Freezing the desk: the chain behind a surface, as rows of the `chain` snapshot kind (dataset
 * `chain_snapshots`, Deribit's field names), all stamped with the surface's `asOf`, written through the snapshot
 * writer, then the catalog rebuilt. A notebook then reads `WHERE timestamp = asOf` and studies exactly the quotes the desk showed.
 */
import { rebuildCatalog } from '../datasets/catalog-writer';
import { KIND_SPECS } from '../snapshots/kinds';
import type { SnapshotRow } from '../snapshots/schema';
import { writeSnapshot } from '../snapshots/writer';
import type { ChainSnapshot } from './chain-state';

export type FreezeWriter = (
  rows: SnapshotRow[],
) => Promise<{ dataset: string; partitions: string[]; added: number }>;

/** Rows of the `chain` kind from a chain snapshot, at `asOf`. */
export function freezeRows(snap: ChainSnapshot, asOf: number): SnapshotRow[] {
  return snap.options
    .filter((r) => r.expiryMs > asOf)
    .sort((a, b) => a.expiryMs - b.expiryMs || a.strike - b.strike || a.type.localeCompare(b.type))
    .map((r) => ({
      timestamp: asOf,
      instrument_name: r.instrument_name,
      expiry: r.expiryMs,
      strike: r.strike,
      option_type: r.type,
      underlying_price: r.underlying_price,
      underlying_index: r.underlying_index,
      mark_price: r.mark_price,
      mark_iv: r.mark_iv,
      bid_price: r.bid_price,
      ask_price: r.ask_price,
      mid_price:
        r.bid_price !== null && r.ask_price !== null && r.bid_price > 0 && r.ask_price > 0
          ? (r.bid_price + r.ask_price) / 2
          : null,
      last: null,
      open_interest: r.open_interest,
      volume: r.volume,
      interest_rate: 0,
      currency: snap.currency,
    }));
}

/**
 * @example
 * createSurfaceService({..., freeze: snapshotFreezeWriter({datasetsDir: './datasets', source: 'simulated'})});
 */
export function snapshotFreezeWriter(o: { datasetsDir: string; source: string }): FreezeWriter {
  return async (rows) => {
    const r = await writeSnapshot({
      datasetsDir: o.datasetsDir,
      source: o.source,
      kind: 'chain',
      rows,
    });
    // The catalog lists the new partition at once, so a notebook's next look at the datasets finds it.
    await rebuildCatalog(o.datasetsDir);
    return { dataset: KIND_SPECS.chain.dataset, partitions: r.partitions, added: r.added };
  };
}
