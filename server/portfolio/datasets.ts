/**
 * The portfolio's state tables as notebook datasets (exported by `server/state/datasets.ts`): `fills` as stored,
 * `positions` computed from them by the same `positionsFromFills` the API uses (average entry, realized P&L and
 * fees; marks are live and not part of the stored state), and `portfolio_history` with its returns and drawdown.
 */
import { positionsFromFills, valueHistory, type Fill } from '../../cells/portfolio';
import type { StateDatasetSpec } from '../state/dataset-spec';
import type { StateRow } from '../state/db';
import { fillFromRow } from './fills-table';

/** `2026-01-01 08:00:00.000`: a TIMESTAMP literal DuckDB casts (UTC). */
const timestampText = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 23);

const positionRows = (rows: readonly StateRow[]) => {
  // The same row reading as the API's fills, so the dataset and `GET /positions` agree.
  const fills: Fill[] = rows.map(fillFromRow);
  return positionsFromFills(fills).map((p) => {
    const i = p.instrument;
    return [
      p.instrument_name,
      i.currency,
      i.kind,
      i.kind === 'perpetual' ? null : timestampText(i.expiryMs),
      i.kind === 'option' ? i.strike : null,
      i.kind === 'option' ? i.optionType : null,
      p.amount,
      p.avgPrice,
      p.realizedPnl,
      p.fees,
      p.fills,
    ];
  });
};

/** @example startStateDatasets({ state, datasetsDir, specs: PORTFOLIO_DATASETS }); */
export const PORTFOLIO_DATASETS: readonly StateDatasetSpec[] = [
  {
    name: 'fills',
    title: 'Portfolio fills',
    description:
      'Every stored fill of the portfolio (Deribit units: options in coin, futures in USD), from the state database.',
    tables: ['fills'],
    sql: `SELECT id, client_id, instrument_name, direction, amount, price, fee, epoch_ms(timestamp) AS time,
            timestamp AS timestamp_ms, created_at AS created_ms FROM fills ORDER BY timestamp, seq`,
    timeColumn: 'time',
  },
  {
    name: 'positions',
    title: 'Portfolio positions',
    description:
      'Net position per instrument from the stored fills: amount, average entry, realized P&L and fees in coin.',
    tables: ['fills'],
    sql: 'SELECT instrument_name, direction, amount, price, fee, timestamp FROM fills ORDER BY timestamp, seq',
    timeColumn: null,
    derive: {
      columns: [
        { name: 'instrument_name', type: 'VARCHAR' },
        { name: 'currency', type: 'VARCHAR' },
        { name: 'instrument_kind', type: 'VARCHAR' },
        { name: 'expiry', type: 'TIMESTAMP' },
        { name: 'strike', type: 'DOUBLE' },
        { name: 'option_type', type: 'VARCHAR' },
        { name: 'amount', type: 'DOUBLE' },
        { name: 'avg_price', type: 'DOUBLE' },
        { name: 'realized_pnl', type: 'DOUBLE' },
        { name: 'fees', type: 'DOUBLE' },
        { name: 'fills', type: 'INTEGER' },
      ],
      rows: positionRows,
    },
  },
  {
    name: 'portfolio_history',
    title: 'Portfolio value history',
    description:
      "The book's marked value and P&L in USD a point a minute, with each step's P&L change, return and drawdown.",
    tables: ['portfolio_history'],
    sql: 'SELECT t, value_usd, pnl_usd FROM portfolio_history ORDER BY t',
    timeColumn: 'time',
    derive: {
      columns: [
        { name: 'time', type: 'TIMESTAMP' },
        { name: 'value_usd', type: 'DOUBLE' },
        { name: 'pnl_usd', type: 'DOUBLE' },
        { name: 'change_usd', type: 'DOUBLE' },
        { name: 'return', type: 'DOUBLE' },
        { name: 'drawdown_usd', type: 'DOUBLE' },
      ],
      rows: (rows) =>
        valueHistory(
          rows.map((r) => ({
            t: Number(r.t),
            valueUsd: Number(r.value_usd),
            pnlUsd: Number(r.pnl_usd),
          })),
        ).steps.map((s) => [
          timestampText(s.t),
          s.valueUsd,
          s.pnlUsd,
          s.changeUsd,
          s.return,
          s.drawdownUsd,
        ]),
    },
  },
];
