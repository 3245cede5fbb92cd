/**
 * How the native connector maps DuckDB column types to Arrow, matching DuckDB-WASM with the browser's options
 * (`castBigIntToDouble`, `castDecimalToDouble`, `castTimestampToDate`): integers keep their width, BIGINT /
 * HUGEINT / DECIMAL become Float64, DATE and every TIMESTAMP become Date64 (milliseconds), text is Utf8.
 */
import { DuckDBTypeId } from '@duckdb/node-api';
import {
  DateMillisecond,
  Float32,
  Float64,
  Int16,
  Int32,
  Int8,
  Uint16,
  Uint32,
  Uint8,
  type DataType,
} from 'apache-arrow';
import { MS_PER_DAY } from '../../cells/time';

export type NumericArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Int16Array
  | Int8Array
  | Uint32Array
  | Uint16Array
  | Uint8Array;

/** Numeric columns: their Arrow type and the typed array that holds them. */
export const NUMERIC: Partial<
  Record<DuckDBTypeId, () => { type: DataType; array: new (n: number) => NumericArray }>
> = {
  [DuckDBTypeId.TINYINT]: () => ({ type: new Int8(), array: Int8Array }),
  [DuckDBTypeId.SMALLINT]: () => ({ type: new Int16(), array: Int16Array }),
  [DuckDBTypeId.INTEGER]: () => ({ type: new Int32(), array: Int32Array }),
  [DuckDBTypeId.UTINYINT]: () => ({ type: new Uint8(), array: Uint8Array }),
  [DuckDBTypeId.USMALLINT]: () => ({ type: new Uint16(), array: Uint16Array }),
  [DuckDBTypeId.UINTEGER]: () => ({ type: new Uint32(), array: Uint32Array }),
  [DuckDBTypeId.FLOAT]: () => ({ type: new Float32(), array: Float32Array }),
  [DuckDBTypeId.DOUBLE]: () => ({ type: new Float64(), array: Float64Array }),
  [DuckDBTypeId.BIGINT]: () => ({ type: new Float64(), array: Float64Array }),
  [DuckDBTypeId.UBIGINT]: () => ({ type: new Float64(), array: Float64Array }),
  [DuckDBTypeId.HUGEINT]: () => ({ type: new Float64(), array: Float64Array }),
  [DuckDBTypeId.UHUGEINT]: () => ({ type: new Float64(), array: Float64Array }),
  [DuckDBTypeId.DECIMAL]: () => ({ type: new Float64(), array: Float64Array }),
};

/** Columns read as Date64 milliseconds. */
export const TEMPORAL = new Set<DuckDBTypeId>([
  DuckDBTypeId.DATE,
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_S,
  DuckDBTypeId.TIMESTAMP_MS,
  DuckDBTypeId.TIMESTAMP_NS,
  DuckDBTypeId.TIMESTAMP_TZ,
]);

/** Columns read as Utf8 text. */
export const TEXT = new Set<DuckDBTypeId>([
  DuckDBTypeId.VARCHAR,
  DuckDBTypeId.ENUM,
  DuckDBTypeId.UUID,
]);

/** Milliseconds since the epoch of a DuckDB date or timestamp value, whatever its unit. */
export function epochMs(value: unknown): number {
  const v = value as {
    days?: number;
    micros?: bigint;
    millis?: bigint;
    seconds?: bigint;
    nanos?: bigint;
  };
  if (v.days !== undefined) return v.days * MS_PER_DAY;
  if (v.micros !== undefined) return Number(v.micros / 1000n);
  if (v.millis !== undefined) return Number(v.millis);
  if (v.seconds !== undefined) return Number(v.seconds) * 1000;
  return Number(v.nanos! / 1_000_000n);
}

/** A numeric item as a double: numbers as they are, bigints converted, DECIMAL through its own conversion. */
export function numberOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return (value as { toDouble(): number }).toDouble();
}

/** The Arrow type of temporal columns. */
export const dateType = (): DataType => new DateMillisecond();
