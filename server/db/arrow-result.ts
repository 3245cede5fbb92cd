/**
 * Native DuckDB results as apache-arrow Tables with the column types DuckDB-WASM gives the browser (see
 * `web/data/connector.ts`): integers keep their width, BIGINT / HUGEINT / DECIMAL become Float64, DATE and every
 * TIMESTAMP become Date64 (milliseconds), text is Utf8. @duckdb/node-api has no Arrow export, so the table is
 * built from DuckDB's vectors; numeric and temporal columns go straight into typed arrays.
 */
import {
  DuckDBTypeId,
  JSDuckDBValueConverter,
  type DuckDBDataChunk,
  type DuckDBMaterializedResult,
  type JS,
} from '@duckdb/node-api';
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

/** Milliseconds since the epoch of a DuckDB date or timestamp value, whatever its unit. */
function epochMs(value: unknown): number {
  const v = value as {
    days?: number;
    micros?: bigint;
    millis?: bigint;
    seconds?: bigint;
    nanos?: bigint;
  };
  if (v.days !== undefined) return v.days * 86_400_000;
  if (v.micros !== undefined) return Number(v.micros / 1000n);
  if (v.millis !== undefined) return Number(v.millis);
  if (v.seconds !== undefined) return Number(v.seconds) * 1000;
  return Number(v.nanos! / 1_000_000n);
}

/** A numeric item as a double: numbers as they are, bigints converted, DECIMAL through its own conversion. */
function numberOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return (value as { toDouble(): number }).toDouble();
}

/**
 * A materialized result as an Arrow table (dates not yet wrapped: see `withDates`). Numeric and temporal
 * columns are read item by item from DuckDB's vectors into typed arrays, with no JS value per cell.
 *
 * @example
 * const table = await resultToArrow(await conn.run('SELECT 1 AS x'));
 */
export async function resultToArrow(result: DuckDBMaterializedResult): Promise<Table> {
  const names = result.columnNames();
  const types = result.columnTypes();
  const chunks = await result.fetchAllChunks();
  const length = chunks.reduce((n, c) => n + c.rowCount, 0);
  const vectors: Record<string, Vector> = {};
  names.forEach((name, c) => {
    vectors[name] = columnVector(types[c]!.typeId, chunks, c, length);
  });
  return new Table(vectors);
}

function columnVector(
  typeId: DuckDBTypeId,
  chunks: DuckDBDataChunk[],
  column: number,
  length: number,
): Vector {
  const numeric = NUMERIC[typeId];
  if (numeric || TEMPORAL.has(typeId)) {
    const { type, array } = numeric?.() ?? { type: new DateMillisecond(), array: BigInt64Array };
    const data = new array(length);
    const bitmap = new Uint8Array((length + 7) >> 3);
    let nullCount = 0;
    let row = 0;
    for (const chunk of chunks) {
      const vector = chunk.getColumnVector(column);
      for (let i = 0; i < chunk.rowCount; i++, row++) {
        const item = vector.getItem(i);
        if (item === null) {
          nullCount++;
          continue;
        }
        bitmap[row >> 3]! |= 1 << (row & 7);
        if (numeric) (data as Float64Array)[row] = numberOf(item);
        else (data as BigInt64Array)[row] = BigInt(epochMs(item));
      }
    }
    const nullBitmap = nullCount > 0 ? bitmap : undefined;
    return makeVector(
      makeData({
        type: type as Float64,
        length,
        nullCount,
        nullBitmap,
        data: data as Float64Array,
      }),
    );
  }
  const values = chunks.flatMap((chunk) =>
    chunk.convertColumnValues(column, JSDuckDBValueConverter),
  );
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

function textOf(value: JS | null): string | null {
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
