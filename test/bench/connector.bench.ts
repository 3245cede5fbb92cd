/**
 * Native DuckDB results as Arrow: the connector's path (typed arrays filled from DuckDB's vectors) against the
 * alternative of converting every value to JS first (`getColumnsJS`) and letting Arrow infer the columns, and
 * against the row objects of `queryRows`. 1M rows of DATE, two DOUBLEs and an INTEGER.
 */
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { Table, vectorFromArray, type Vector } from 'apache-arrow';
import { resultToArrow } from '../../server/db/arrow-result';
import type { BenchSuite } from './harness';

const ROWS = 1_000_000;
const SQL = `SELECT (DATE '2020-01-01' + (i % 3000)::INTEGER) AS date, i::DOUBLE / 7 AS x, (i * 3)::DOUBLE AS y,
  i::INTEGER AS n FROM range(${ROWS}) t(i)`;
let instance: DuckDBInstance | null = null;
let conn: DuckDBConnection | null = null;

export const suite: BenchSuite = {
  name: 'connector',
  setup: async () => {
    instance = await DuckDBInstance.create(':memory:');
    conn = await DuckDBConnection.create(instance);
  },
  teardown: () => {
    conn?.closeSync();
    instance?.closeSync();
  },
  cases: [
    {
      name: 'native query → Arrow from vectors (the connector), 1M × 4',
      items: { count: ROWS, unit: 'rows' },
      run: async () => void (await resultToArrow(await conn!.run(SQL))),
    },
    {
      name: 'native query → getColumnsJS → Arrow inferred, 1M × 4',
      items: { count: ROWS, unit: 'rows' },
      run: async () => {
        const reader = await conn!.runAndReadAll(SQL);
        const columns = reader.getColumnsJS();
        const vectors: Record<string, Vector> = {};
        reader.columnNames().forEach((name, i) => (vectors[name] = vectorFromArray(columns[i]!)));
        void new Table(vectors);
      },
    },
    {
      name: 'native query → row objects (queryRows), 1M × 4',
      items: { count: ROWS, unit: 'rows' },
      run: async () => void (await conn!.runAndReadAll(SQL)).getRowObjectsJS(),
    },
  ],
};
