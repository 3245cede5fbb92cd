/**
 * Arrow into native DuckDB: `insertArrowIpc` of the native connector. @duckdb/node-api reads no Arrow, so the
 * table is created from the Arrow schema and filled through the Appender (flat columns only, the types the
 * notebook's datasets and results use).
 */
import {
  DuckDBDateValue,
  DuckDBTimestampValue,
  type DuckDBAppender,
  type DuckDBConnection,
} from '@duckdb/node-api';
import { Type, type DataType, type Table } from 'apache-arrow';
import { quoteIdentifier } from './duckdb';
import { MS_PER_DAY } from '../../cells/time';

type Append = (appender: DuckDBAppender, value: unknown) => void;

/** The DuckDB column type and appender call for an Arrow type, or null when not supported. */
function columnKind(type: DataType): { sql: string; append: Append } | null {
  const t = type as DataType & {
    bitWidth?: number;
    isSigned?: boolean;
    precision?: number;
    unit?: number;
  };
  switch (type.typeId) {
    case Type.Bool:
      return { sql: 'BOOLEAN', append: (a, v) => a.appendBoolean(Boolean(v)) };
    case Type.Int: {
      if (t.bitWidth === 64)
        return { sql: 'BIGINT', append: (a, v) => a.appendBigInt(BigInt(v as bigint | number)) };
      const width = t.bitWidth as 8 | 16 | 32;
      const [sql, append]: [string, Append] = t.isSigned
        ? {
            8: ['TINYINT', (a, v) => a.appendTinyInt(Number(v))] as [string, Append],
            16: ['SMALLINT', (a, v) => a.appendSmallInt(Number(v))] as [string, Append],
            32: ['INTEGER', (a, v) => a.appendInteger(Number(v))] as [string, Append],
          }[width]
        : {
            8: ['UTINYINT', (a, v) => a.appendUTinyInt(Number(v))] as [string, Append],
            16: ['USMALLINT', (a, v) => a.appendUSmallInt(Number(v))] as [string, Append],
            32: ['UINTEGER', (a, v) => a.appendUInteger(Number(v))] as [string, Append],
          }[width];
      return { sql, append };
    }
    case Type.Float:
      return t.precision === 1
        ? { sql: 'FLOAT', append: (a, v) => a.appendFloat(Number(v)) }
        : { sql: 'DOUBLE', append: (a, v) => a.appendDouble(Number(v)) };
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Dictionary:
      return { sql: 'VARCHAR', append: (a, v) => a.appendVarchar(String(v)) };
    case Type.Date:
      // Date32 is a calendar day; Date64 (what the connectors return) keeps its time of day.
      return t.unit === 0
        ? {
            sql: 'DATE',
            append: (a, v) => a.appendDate(new DuckDBDateValue(Math.floor(Number(v) / MS_PER_DAY))),
          }
        : { sql: 'TIMESTAMP', append: appendTimestamp };
    case Type.Timestamp:
      return { sql: 'TIMESTAMP', append: appendTimestamp };
    default:
      return null;
  }
}

function appendTimestamp(appender: DuckDBAppender, value: unknown): void {
  const ms = value instanceof Date ? value.getTime() : Number(value);
  appender.appendTimestamp(new DuckDBTimestampValue(BigInt(Math.round(ms * 1000))));
}

/**
 * Create or replace `name` with the rows of an Arrow table.
 *
 * @example
 * await insertArrowTable(conn, 'prices', tableFromIPC(ipc));
 */
export async function insertArrowTable(
  conn: DuckDBConnection,
  name: string,
  table: Table,
): Promise<void> {
  const columns = table.schema.fields.map((field, i) => {
    const kind = columnKind(field.type);
    if (!kind)
      throw new TypeError(`cannot insert column ${field.name} of Arrow type ${String(field.type)}`);
    return { ...kind, name: field.name, vector: table.getChildAt(i)! };
  });
  const definition = columns.map((c) => `${quoteIdentifier(c.name)} ${c.sql}`).join(', ');
  await conn.run(`CREATE OR REPLACE TABLE ${quoteIdentifier(name)} (${definition})`);
  const appender = await conn.createAppender(name);
  try {
    for (let row = 0; row < table.numRows; row++) {
      for (const column of columns) {
        const value: unknown = column.vector.get(row);
        if (value === null || value === undefined) appender.appendNull();
        else column.append(appender, value);
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
