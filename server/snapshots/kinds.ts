/**
 * What a snapshot can collect (`--what`), the dataset (`kind=`) each lands in, and its natural key: re-running
 * over the same window adds no row whose key is already on disk.
 */
export const SNAPSHOT_KINDS = ['chain', 'trades', 'ohlcv', 'dvol', 'polymarket'] as const;
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];

export interface KindSpec {
  /** The dataset name (`kind=` partition, the SQL table name in notebooks). */
  dataset: string;
  /** Columns that identify a row. */
  key: readonly string[];
  /** Default scheduler interval, seconds. */
  intervalSeconds: number;
}

/** Dataset names differ from the bundled ones (`option_chain`, `ohlcv_hourly`, `dvol_hourly`) on purpose. */
export const KIND_SPECS: Readonly<Record<SnapshotKind, KindSpec>> = {
  chain: {
    dataset: 'chain_snapshots',
    key: ['instrument_name', 'timestamp'],
    intervalSeconds: 300,
  },
  trades: { dataset: 'trades', key: ['trade_id'], intervalSeconds: 60 },
  ohlcv: {
    dataset: 'perpetual_ohlcv_1h',
    key: ['instrument_name', 'timestamp'],
    intervalSeconds: 3600,
  },
  dvol: { dataset: 'dvol_1h', key: ['currency', 'timestamp'], intervalSeconds: 3600 },
  polymarket: {
    dataset: 'polymarket_prices',
    key: ['token_id', 'timestamp'],
    intervalSeconds: 300,
  },
};

/** Parse `chain,trades` (or `all`) into kinds; throws on an unknown one. */
export function parseKinds(text: string): SnapshotKind[] {
  if (text.trim() === 'all') return [...SNAPSHOT_KINDS];
  const out: SnapshotKind[] = [];
  for (const raw of text.split(',')) {
    const k = raw.trim();
    if (!(SNAPSHOT_KINDS as readonly string[]).includes(k))
      throw new Error(`invalid kind: ${k} (expected ${SNAPSHOT_KINDS.join(', ')})`);
    if (!out.includes(k as SnapshotKind)) out.push(k as SnapshotKind);
  }
  return out;
}

/**
 * Scheduler intervals from `VOLLAB_SNAPSHOTS`: `off`/empty (none), `on` (every kind at its default interval),
 * or `trades=60,chain=300` (seconds, at least 5).
 */
export function parseIntervals(text: string | undefined): Partial<Record<SnapshotKind, number>> {
  const t = (text ?? '').trim();
  if (t === '' || t === 'off') return {};
  if (t === 'on')
    return Object.fromEntries(SNAPSHOT_KINDS.map((k) => [k, KIND_SPECS[k].intervalSeconds]));
  const out: Partial<Record<SnapshotKind, number>> = {};
  for (const part of t.split(',')) {
    const [name = '', seconds = ''] = part.split('=').map((s) => s.trim());
    const [kind] = parseKinds(name);
    const n = Number(seconds);
    if (!Number.isInteger(n) || n < 5) throw new Error(`invalid interval for ${name}: ${seconds}`);
    out[kind!] = n;
  }
  return out;
}
