/**
 * Arrow tables whose date columns behave like dates, as Observable's DuckDB client gives them. apache-arrow
 * (since v15) reads DATE and TIMESTAMP values as epoch milliseconds; the rows a notebook touches (`t.toArray()`,
 * `for (const row of t)`, `aq.fromArrow(t).objects()`, the values Plot and Inputs.table read) carry JS `Date`s
 * here instead, while numeric columns keep their typed-array fast path (`t.getChild('close').toArray()`).
 * Every temporal column is stored as Date64 (milliseconds), the type Plot and Inputs recognise as dates.
 */
import {
  DateMillisecond,
  Field,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Type,
  Vector,
  makeData,
  type Data,
  type DataType,
  type StructRowProxy,
} from 'apache-arrow';

// Rows are plain objects (Dates included), typed as Arrow's row proxies so the table stays a `Table`.
type Row = StructRowProxy;

/**
 * The table with its DATE / TIMESTAMP columns as Date64 whose values read as `Date`s.
 *
 * @example
 * const t = withDates(await conn.query('SELECT DATE \'2024-01-02\' AS d, 1.5 AS x'));
 * t.toArray()[0].d instanceof Date; // true
 * t.getChild('x').toArray(); // Float64Array [1.5]
 */
export function withDates(table: Table): Table {
  if (table instanceof DatedTable) return table;
  const temporal = table.schema.fields.map((f) => isTemporal(f.type));
  if (!temporal.some(Boolean)) return table;
  // Every field nullable: RecordBatch re-derives nullability per batch, and batches must match the schema.
  const fields = table.schema.fields.map((f, i) =>
    temporal[i] && !isMillisecondDate(f.type)
      ? new Field(f.name, new DateMillisecond(), true, f.metadata)
      : f.clone({ nullable: true }),
  );
  const schema = new Schema(fields, table.schema.metadata);
  const batches = table.batches.map((batch) => {
    const children = batch.data.children.map((child, i) =>
      temporal[i] && !isMillisecondDate(child.type) ? toMilliseconds(child) : child,
    );
    const data = makeData({
      type: new Struct(fields),
      length: batch.numRows,
      nullCount: 0,
      children,
    });
    return new RecordBatch(schema, data);
  });
  return new DatedTable(schema, batches);
}

/** Whether a column holds dates or timestamps (any unit). */
export function isTemporal(type: DataType): boolean {
  return type.typeId === Type.Date || type.typeId === Type.Timestamp;
}

function isMillisecondDate(type: DataType): boolean {
  return (
    type instanceof DateMillisecond ||
    (type.typeId === Type.Date && (type as DateMillisecond).unit === 1)
  );
}

/** A Date32 / Timestamp column as Date64: arrow reads each as epoch ms already, whatever its unit. */
function toMilliseconds(data: Data): Data<DateMillisecond> {
  const source = new Vector([data]);
  const values = new BigInt64Array(data.length);
  const valid = data.nullCount > 0 ? new Uint8Array((data.length + 7) >> 3) : undefined;
  for (let i = 0; i < data.length; i++) {
    const ms = source.get(i) as number | null;
    if (ms === null) continue;
    values[i] = BigInt(Math.round(ms));
    if (valid) valid[i >> 3]! |= 1 << (i & 7);
  }
  return makeData({
    type: new DateMillisecond(),
    length: data.length,
    nullCount: data.nullCount,
    nullBitmap: valid,
    data: values,
  });
}

/** A Date64 column vector whose `get`, iteration, `toArray()` and `toJSON()` give `Date`s. */
function datedVector(vector: Vector): Vector {
  const raw = vector.get.bind(vector) as (index: number) => number | null;
  const get = (index: number): Date | null => {
    const ms = raw(index);
    return ms === null || ms === undefined ? null : new Date(ms);
  };
  Object.defineProperties(vector, {
    get: { value: get },
    [Symbol.iterator]: {
      value: function* () {
        for (let i = 0; i < vector.length; i++) yield get(i);
      },
    },
  });
  return vector;
}

class DatedTable extends Table {
  private columnCache: Vector[] | null = null;

  override getChildAt(index: number): Vector | null {
    const vector = super.getChildAt(index) as Vector | null;
    return vector && isTemporal(vector.type) ? datedVector(vector) : vector;
  }

  private columns(): Vector[] {
    this.columnCache ??= this.schema.fields.map((_, i) => this.getChildAt(i)!);
    return this.columnCache;
  }

  private row(index: number): Row {
    const columns = this.columns();
    const row: Record<string, unknown> = {};
    this.schema.fields.forEach((f, c) => (row[f.name] = columns[c]!.get(index)));
    return row as Row;
  }

  override get(index: number): Row | null {
    return index >= 0 && index < this.numRows ? this.row(index) : null;
  }

  override *[Symbol.iterator](): IterableIterator<Row> {
    for (let i = 0; i < this.numRows; i++) yield this.row(i);
  }

  override toArray(): Row[] {
    return Array.from({ length: this.numRows }, (_, i) => this.row(i));
  }

  override slice(begin?: number, end?: number): Table {
    return withDates(super.slice(begin, end));
  }

  override selectAt(columnIndices: number[]): Table {
    return withDates(super.selectAt(columnIndices));
  }

  override concat(...others: Table[]): Table {
    return withDates(super.concat(...others));
  }
}
