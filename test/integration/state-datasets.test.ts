/**
 * The state tables read as datasets: a fill posted to the running sidecar is in the `fills` dataset of the
 * catalog, in a Parquet slice cut by `GET /api/datasets/fills/slice` (what DuckDB-WASM loads in the browser),
 * and in a notebook run headless over the datasets folder afterwards, with the `positions` it makes.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, quoteLiteral } from '../../server/db/duckdb';
import { startServer, type RunningServer } from '../../server/main';
import { runNotebook } from '../../server/notebook-runner/run';
import { createFixture, type Fixture } from '../server/routes/fixtures';

let fx: Fixture;
let server: RunningServer;
beforeAll(async () => {
  fx = await createFixture({ rows: 5 });
  server = await startServer({ ...fx.config, port: 0, simulatedExchange: false });
});
afterAll(async () => {
  await server?.close();
  await fx?.cleanup();
});

const api = (path: string, body?: unknown) =>
  fetch(new URL(path, server.url), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('state tables as notebook datasets', () => {
  it('a fill acknowledged by the API is in the catalog, the slice and a headless run', async () => {
    const posted = await api('api/portfolio/trades', {
      instrument_name: 'BTC-PERPETUAL',
      direction: 'buy',
      amount: 20_000,
      price: 80_000,
      client_id: 'dataset-fill-1',
    });
    expect(posted.status).toBe(201);

    const catalog = (await (await api('api/datasets')).json()) as {
      datasets: { name: string; source: string }[];
    };
    const state = catalog.datasets.filter((d) => d.source === 'state').map((d) => d.name);
    // `alerts` joins them once the alert tables exist (with a live surface; see test/server/state/datasets.test.ts).
    expect(state).toEqual(['fills', 'portfolio_history', 'positions']);

    const slice = await api(
      `api/datasets/fills/slice?columns=client_id,amount,price&where=${encodeURIComponent(JSON.stringify({ client_id: 'dataset-fill-1' }))}`,
    );
    expect(slice.status).toBe(200);
    const file = join(fx.config.cacheDir, 'fills-slice.parquet');
    await writeFile(file, Buffer.from(await slice.arrayBuffer()));
    expect(await queryRows(`SELECT * FROM read_parquet(${quoteLiteral(file)})`)).toEqual([
      { client_id: 'dataset-fill-1', amount: 20_000, price: 80_000 },
    ]);

    const report = await runNotebook(
      {
        text: [
          '---',
          'datasets: [fills, positions]',
          '---',
          '```sql id=mine',
          "SELECT amount, price FROM fills WHERE client_id = 'dataset-fill-1'",
          '```',
          '```sql id=perp',
          "SELECT amount, avg_price FROM positions WHERE instrument_name = 'BTC-PERPETUAL'",
          '```',
          '```js',
          'const found = [mine.get(0).amount, perp.numRows]',
          '```',
        ].join('\n'),
      },
      { datasetsDir: fx.config.datasetsDir, modelsDir: fx.config.modelsDir },
    );
    expect(report.cells.filter((c) => c.status !== 'ok')).toEqual([]);
    expect(report.values.found).toEqual([20_000, 1]);
  }, 60_000);
});
