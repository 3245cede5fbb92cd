/**
 * `/api/volatility/alerts`: `GET /` lists breaches (filters `currency`, `rule_id`, `acked`, `since`, `until` in
 * ms; paging `limit` ≤ 500, `offset`), `POST /{id}/ack` acknowledges one; `/rules` is CRUD on the threshold rules
 * (GET list, POST create, GET/PUT/DELETE `/rules/{id}`); a rule that does not validate is a 400 with the reason;
 * `GET /estimate?currency=BTC` is the filter's latest estimate.
 */
import { Hono } from 'hono';
import type { AlertService } from '../alerts/service';
import { RuleError } from '../alerts/service';
import { httpError } from '../http/errors';
import { readJsonObject } from '../http/json-body';

const int = (name: string, raw: string | undefined, min: number, max: number) => {
  if (raw === undefined) return undefined;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < min || v > max)
    throw httpError(400, `invalid ${name}: ${raw.slice(0, 30)} (an integer in [${min}, ${max}])`);
  return v;
};

async function asRule<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RuleError) throw httpError(400, `invalid rule: ${error.message}`);
    throw error;
  }
}

/** @example app.route('/api/volatility/alerts', alertRoutes(alerts)); */
export function alertRoutes(alerts: AlertService): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const q = c.req.query();
    const acked = q.acked;
    if (acked !== undefined && acked !== 'true' && acked !== 'false')
      throw httpError(400, 'invalid acked: true or false');
    const page = await alerts.alerts.list({
      ...(q.currency ? { currency: q.currency.toUpperCase() } : {}),
      ...(q.rule_id ? { rule_id: q.rule_id } : {}),
      ...(acked !== undefined ? { acked: acked === 'true' } : {}),
      since_ms: int('since', q.since, 0, Number.MAX_SAFE_INTEGER),
      until_ms: int('until', q.until, 0, Number.MAX_SAFE_INTEGER),
      limit: int('limit', q.limit, 1, 500) ?? 50,
      offset: int('offset', q.offset, 0, 1e9) ?? 0,
    });
    return c.json(page);
  });
  app.get('/estimate', (c) => {
    const currency = (c.req.query('currency') ?? 'BTC').toUpperCase();
    const e = alerts.estimate(currency);
    if (!e) throw httpError(404, `no estimate for ${currency.slice(0, 10)}`);
    return c.json(e);
  });
  app.post('/:id{[0-9]+}/ack', async (c) => {
    const event = await alerts.alerts.ack(Number(c.req.param('id')));
    if (!event) throw httpError(404, `unknown alert: ${c.req.param('id')}`);
    return c.json(event);
  });
  app.get('/rules', async (c) => c.json({ rules: await alerts.rules.list() }));
  app.post('/rules', async (c) => {
    const body = await readJsonObject(c);
    return c.json(await asRule(() => alerts.rules.create(body)), 201);
  });
  app.get('/rules/:id', async (c) => {
    const rule = await alerts.rules.get(c.req.param('id'));
    if (!rule) throw httpError(404, 'unknown rule');
    return c.json(rule);
  });
  app.put('/rules/:id', async (c) => {
    const body = await readJsonObject(c);
    const rule = await asRule(() => alerts.rules.update(c.req.param('id'), body));
    if (!rule) throw httpError(404, 'unknown rule');
    return c.json(rule);
  });
  app.delete('/rules/:id', async (c) => {
    if (!(await alerts.rules.remove(c.req.param('id')))) throw httpError(404, 'unknown rule');
    return c.body(null, 204);
  });
  return app;
}
