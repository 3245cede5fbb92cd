/**
 * Native DuckDB results as apache-arrow Tables with the column types DuckDB-WASM gives the browser (see
 * `web/data/connector.ts`): integers keep their width, BIGINT / HUGEINT / DECIMAL become Float64, DATE and every
 * TIMESTAMP become Date64 (milliseconds), text is Utf8. @duckdb/node-api has no Arrow export, so the table is
 * built from its column values; numeric columns go straight into typed arrays.
 */
import { DuckDBTypeId, type DuckDBResultReader, type JS } from '@duckdb/node-api';
import {
  Bool,
  DateMillisecond,
  Float32,
  Float64,
  Int16,
  Int32,
  Int8,
  Table,
  Uint16,
  Uint32,
  Uint8,
  Utf8,
  makeData,
  makeVector,
  vectorFromArray,
  type DataType,
  type Vector,
} from 'apache-arrow';

type NumericArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Int16Array
  | Int8Array
  | Uint32Array
  | Uint16Array
  | Uint8Array;

const NUMERIC: Partial<
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

const TEMPORAL = new Set<DuckDBTypeId>([
  DuckDBTypeId.DATE,
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_S,
  DuckDBTypeId.TIMESTAMP_MS,
  DuckDBTypeId.TIMESTAMP_NS,
  DuckDBTypeId.TIMESTAMP_TZ,
]);

const TEXT = new Set<DuckDBTypeId>([DuckDBTypeId.VARCHAR, DuckDBTypeId.ENUM, DuckDBTypeId.UUID]);

/**
 * A fully read result as an Arrow table (dates not yet wrapped: see `withDates`).
 *
 * @example
 * const table = readerToArrow(await conn.runAndReadAll('SELECT 1 AS x'));
 */
export function readerToArrow(reader: DuckDBResultReader): Table {
  const names = reader.columnNames();
  const types = reader.columnTypes();
  const columns = reader.getColumnsJS();
  const vectors: Record<string, Vector> = {};
  names.forEach((name, i) => {
    vectors[name] = columnVector(types[i]!.typeId, columns[i] ?? [], reader.currentRowCount);
  });
  return new Table(vectors);
}

function columnVector(typeId: DuckDBTypeId, values: JS[], length: number): Vector {
  const numeric = NUMERIC[typeId];
  if (numeric) {
    const { type, array } = numeric();
    const data = new array(length);
    const valid = nullBitmap(values);
    for (let i = 0; i < length; i++) {
      const v = values[i];
      if (v !== null && v !== undefined) data[i] = Number(v);
    }
    return makeVector(
      makeData({
        type: type as Float64,
        length,
        nullCount: valid.nullCount,
        nullBitmap: valid.bitmap,
        data: data as Float64Array,
      }),
    );
  }
  if (TEMPORAL.has(typeId)) {
    const data = new BigInt64Array(length);
    const valid = nullBitmap(values);
    for (let i = 0; i < length; i++) {
      const v = values[i];
      if (v instanceof Date) data[i] = BigInt(v.getTime());
    }
    const type = new DateMillisecond();
    return makeVector(
      makeData({ type, length, nullCount: valid.nullCount, nullBitmap: valid.bitmap, data }),
    );
  }
  if (typeId === DuckDBTypeId.BOOLEAN)
    return vectorFromArray(values as (boolean | null)[], new Bool());
  if (TEXT.has(typeId)) return vectorFromArray(values.map(textOf), new Utf8());
  // Nested and rarer types: inferred from the JS values (lists, structs), else their JSON text.
  try {
    return vectorFromArray(values.map(plainOf));
  } catch {
    return vectorFromArray(
      values.map((v) => (v === null ? null : JSON.stringify(plainOf(v)))),
      new Utf8(),
    );
  }
}

function nullBitmap(values: readonly JS[]): { bitmap: Uint8Array | undefined; nullCount: number } {
  let nullCount = 0;
  for (const v of values) if (v === null || v === undefined) nullCount++;
  if (nullCount === 0) return { bitmap: undefined, nullCount };
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  values.forEach((v, i) => {
    if (v !== null && v !== undefined) bitmap[i >> 3]! |= 1 << (i & 7);
  });
  return { bitmap, nullCount };
}

function textOf(value: JS): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** bigints as numbers, recursively, so Arrow can infer a type. */
function plainOf(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plainOf);
  if (
    value &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    !ArrayBuffer.isView(value)
  ) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainOf(v)]));
  }
  return value;
}
