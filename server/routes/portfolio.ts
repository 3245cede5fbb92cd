/**
 * `/api/portfolio`: fills (`POST /trades`, `POST /trades/batch` with `{trades: [...]}`, `GET /trades`, `POST /trades/import` with `{csv}`,
 * `PUT /trades/{id}`, `DELETE /trades/{id}`), the marked book (`GET /positions`, `/summary`, `/risk`), the instruments the live
 * chain offers (`GET /instruments`) and its
 * recorded value (`GET /history?since=&until=` in ms, default the last 7 days, with returns and drawdown);
 * `DELETE /demo` removes the first-start demo book for good. Thin:
 * bodies are validated here (400 with the reason), the portfolio service does the rest.
 */
import { Hono } from 'hono';
import type { BatchResult, PortfolioHistoryWire } from '../contract/portfolio';
import { httpError } from '../http/errors';
import { readJsonObject } from '../http/json-body';
import type { PortfolioService } from '../portfolio/service';
import { csvTrades } from '../portfolio/csv';
import { validTrade, type ValidTrade } from '../portfolio/trade-input';

const MAX_IMPORT_ROWS = 10_000;
const MAX_BATCH_TRADES = 1_000;
const MAX_HISTORY_POINTS = 20_000;
const WEEK_MS = 7 * 86_400_000;

const msParam = (name: string, raw: string | undefined, fallback: number): number => {
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!/^\d{1,16}$/.test(raw) || !Number.isSafeInteger(v))
    throw httpError(400, `invalid ${name}: ${raw.slice(0, 30)} (ms since the epoch)`);
  return v;
};

function tradeOf(body: Record<string, unknown>, now: number): ValidTrade {
  try {
    return validTrade(body, now);
  } catch (error) {
    throw httpError(400, error instanceof Error ? error.message : String(error));
  }
}

async function listed(portfolio: PortfolioService, trade: ValidTrade): Promise<void> {
  await portfolio.checkListed(trade).catch((error: unknown) => {
    throw httpError(400, error instanceof Error ? error.message : String(error));
  });
}

/** @example app.route('/api/portfolio', portfolioRoutes(portfolio)); */
export function portfolioRoutes(portfolio: PortfolioService): Hono {
  const now = () => portfolio.now();
  const app = new Hono();
  app.post('/trades', async (c) => {
    const trade = tradeOf(await readJsonObject(c), now());
    await listed(portfolio, trade);
    const result = await (await portfolio.fills()).add(trade);
    return c.json(result, result.duplicate ? 200 : 201);
  });
  // A burst from one client: every trade checked first (400 with `item_errors`, nothing stored), then all in
  // one transaction, shared with whatever else arrives meanwhile (group commit).
  app.post('/trades/batch', async (c) => {
    const body = await readJsonObject(c);
    if (!Array.isArray(body.trades)) throw httpError(400, 'invalid trades: expected an array');
    if (body.trades.length > MAX_BATCH_TRADES)
      throw httpError(400, `too many trades: at most ${MAX_BATCH_TRADES} per batch`);
    const trades: ValidTrade[] = [];
    const errors: { index: number; error: string }[] = [];
    for (const [index, item] of (body.trades as unknown[]).entries()) {
      try {
        if (typeof item !== 'object' || item === null || Array.isArray(item))
          throw new RangeError('expected a trade object');
        const trade = validTrade(item as Record<string, unknown>, now());
        await portfolio.checkListed(trade);
        trades.push(trade);
      } catch (error) {
        errors.push({ index, error: error instanceof Error ? error.message : String(error) });
      }
    }
    if (errors.length > 0)
      throw httpError(400, `${errors.length} bad trade(s): nothing stored`, {
        item_errors: errors,
      });
    const results = await (await portfolio.fills()).addMany(trades);
    const stored = results.filter((r) => !r.duplicate).length;
    return c.json<BatchResult>({ stored, results }, stored > 0 ? 201 : 200);
  });
  app.get('/trades', async (c) => c.json({ fills: (await portfolio.fills()).list() }));
  app.post('/trades/import', async (c) => {
    const body = await readJsonObject(c);
    if (typeof body.csv !== 'string')
      throw httpError(400, 'invalid csv: expected the CSV text as a string');
    const { trades, errors } = csvTrades(body.csv, now());
    if (trades.length + errors.length > MAX_IMPORT_ROWS)
      throw httpError(400, `too many rows: at most ${MAX_IMPORT_ROWS} per import`);
    if (errors.length > 0)
      throw httpError(400, `${errors.length} bad row(s): nothing imported`, { row_errors: errors });
    const results = await (await portfolio.fills()).addMany(trades);
    const imported = results.filter((r) => !r.duplicate).length;
    return c.json(
      { imported, duplicates: results.length - imported, fills: results.map((r) => r.fill) },
      imported > 0 ? 201 : 200,
    );
  });
  app.put('/trades/:id', async (c) => {
    const trade = tradeOf(await readJsonObject(c), now());
    await listed(portfolio, trade);
    const fill = await (await portfolio.fills()).correct(c.req.param('id'), trade);
    if (!fill) throw httpError(404, 'unknown fill');
    return c.json({ fill });
  });
  app.delete('/trades/:id', async (c) => {
    if (!(await (await portfolio.fills()).remove(c.req.param('id'))))
      throw httpError(404, 'unknown fill');
    return c.body(null, 204);
  });
  app.get('/positions', async (c) => c.json(await portfolio.positions()));
  app.get('/summary', async (c) => c.json(await portfolio.summary()));
  app.get('/risk', async (c) => c.json(await portfolio.risk()));
  app.get('/instruments', async (c) => c.json(await portfolio.instruments()));
  app.delete('/demo', async (c) => {
    if (!portfolio.demo) throw httpError(404, 'no demo book in this sidecar');
    return c.json({ removed: await portfolio.demo.remove() });
  });
  app.get('/history', async (c) => {
    if (!portfolio.history) throw httpError(404, 'no value history in this sidecar');
    const until = msParam('until', c.req.query('until'), now());
    const since = msParam('since', c.req.query('since'), until - WEEK_MS);
    if (since > until) throw httpError(400, 'invalid range: since is after until');
    const h = await portfolio.history.history({ since, until, limit: MAX_HISTORY_POINTS });
    return c.json<PortfolioHistoryWire>({
      since,
      until,
      points: h.steps.map((s) => ({
        t: s.t,
        value_usd: s.valueUsd,
        pnl_usd: s.pnlUsd,
        change_usd: s.changeUsd,
        return: s.return,
        drawdown_usd: s.drawdownUsd,
      })),
      max_drawdown_usd: h.maxDrawdownUsd,
      max_drawdown_at: h.maxDrawdownAt,
    });
  });
  return app;
}
