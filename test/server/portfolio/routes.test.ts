import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  historicalVar,
  markPosition,
  positionsFromFills,
  riskBook,
} from '../../../cells/portfolio';
import { createApp } from '../../../server/app';
import type {
  FillWire,
  PortfolioRiskWire,
  PortfolioSummaryWire,
  PositionsWire,
} from '../../../server/contract/portfolio';
import { createPortfolioService } from '../../../server/portfolio/service';
import { openFillStore } from '../../../server/portfolio/store';
import { openStateDb, type StateDb } from '../../../server/state/db';
import { createFixture, jsonApi, type Fixture } from '../routes/fixtures';
import { NOW, fakeMarks, fakeReturns } from './fake-market';

let fx: Fixture;
let db: StateDb;
let api: ReturnType<typeof jsonApi>;
const returns = fakeReturns();

async function open(options: { failBtc?: boolean } = {}) {
  db = await openStateDb(join(fx.root, 'state', 'vollab.duckdb'));
  const portfolio = createPortfolioService({
    store: () => openFillStore(db, () => NOW),
    marks: fakeMarks(options),
    returns: async () => returns,
    now: () => NOW,
  });
  const app = createApp(fx.config, { portfolio });
  const token = `Bearer ${fx.config.token}`;
  api = jsonApi(
    () => ({
      request: (url: string, init: RequestInit) =>
        app.request(url, {
          ...init,
          headers: { ...(init.headers as Record<string, string>), Authorization: token },
        }),
    }),
    '/api/portfolio',
  );
}

beforeEach(async () => {
  fx = await createFixture({ rows: 3 });
  await open();
});
afterEach(async () => {
  await db.close();
  await fx.cleanup();
});

const trade = (over: Record<string, unknown> = {}) => ({
  instrument_name: 'BTC-27MAR26-100000-C',
  direction: 'buy',
  amount: 1,
  price: 0.05,
  timestamp: NOW - 86_400_000,
  ...over,
});
const fills = async () => ((await (await api('/trades')).json()) as { fills: FillWire[] }).fills;
const errorOf = async (res: Response) =>
  (
    (await res.json()) as {
      error: { message: string; row_errors?: { line: number; error: string }[] };
    }
  ).error;

describe('/api/portfolio/trades', () => {
  it('stores a fill, and a resubmission with its client_id returns the original, storing nothing', async () => {
    const first = await api('/trades', { method: 'POST', body: trade({ client_id: 'a1' }) });
    expect(first.status).toBe(201);
    const { fill } = (await first.json()) as { fill: FillWire };
    expect(fill).toMatchObject({
      instrument_name: 'BTC-27MAR26-100000-C',
      amount: 1,
      price: 0.05,
      fee: 0,
    });
    const again = await api('/trades', {
      method: 'POST',
      body: trade({ client_id: 'a1', price: 0.09 }),
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ fill, duplicate: true });
    expect(await fills()).toEqual([fill]);
  });

  it('refuses bad trades with the reason and stores none of them', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ instrument_name: 'BTC-XYZ' }, /invalid instrument_name: BTC-XYZ/],
      [{ instrument_name: 'BTC-27MAR26-105000-C' }, /unknown instrument: .* not listed/],
      [{ instrument_name: 'BTC-27DEC24-100000-C' }, /expired/],
      [{ instrument_name: 'SOL_USDC-PERPETUAL' }, /BTC and ETH coin-settled/],
      [{ amount: 0 }, /invalid amount/],
      [{ amount: -1 }, /invalid amount/],
      [{ amount: 'NaN' }, /invalid amount/],
      [{ price: -0.01 }, /invalid price/],
      [{ direction: 'long' }, /invalid direction/],
      [{ client_id: '' }, /invalid client_id/],
    ];
    for (const [over, reason] of cases) {
      const res = await api('/trades', { method: 'POST', body: trade(over) });
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect((await errorOf(res)).message).toMatch(reason);
    }
    const nan = await api('/trades', {
      method: 'POST',
      body: '{"instrument_name":"BTC-PERPETUAL","direction":"buy","amount":NaN,"price":1}',
    });
    expect(nan.status).toBe(400);
    expect(await fills()).toEqual([]);
  });

  it('stores a batch in one go, all or nothing, each result in the order sent', async () => {
    const bad = await api('/trades/batch', {
      method: 'POST',
      body: {
        trades: [
          trade({ client_id: 'b1' }),
          trade({ amount: 0 }),
          'nope',
          trade({ instrument_name: 'BTC-27MAR26-105000-C' }),
        ],
      },
    });
    expect(bad.status).toBe(400);
    const error = (await bad.json()) as {
      error: { message: string; item_errors: { index: number; error: string }[] };
    };
    expect(error.error.message).toMatch(/3 bad trade\(s\): nothing stored/);
    expect(error.error.item_errors.map((e) => e.index)).toEqual([1, 2, 3]);
    expect(error.error.item_errors[0]!.error).toMatch(/invalid amount/);
    expect(error.error.item_errors[2]!.error).toMatch(/not listed/);
    expect(await fills()).toEqual([]);

    const body = {
      trades: [
        trade({ client_id: 'b1' }),
        trade({ client_id: 'b2', amount: 2 }),
        trade({ client_id: 'b1' }),
      ],
    };
    const ok = await api('/trades/batch', { method: 'POST', body });
    expect(ok.status).toBe(201);
    const result = (await ok.json()) as {
      stored: number;
      results: { fill: FillWire; duplicate: boolean }[];
    };
    expect(result.stored).toBe(2);
    expect(result.results.map((r) => [r.fill.client_id, r.fill.amount, r.duplicate])).toEqual([
      ['b1', 1, false],
      ['b2', 2, false],
      ['b1', 1, true],
    ]);
    const again = await api('/trades/batch', { method: 'POST', body });
    expect(again.status).toBe(200); // every client id known: nothing new
    expect((await fills()).map((f) => f.client_id).sort()).toEqual(['b1', 'b2']);
    const tooMany = await api('/trades/batch', {
      method: 'POST',
      body: { trades: Array(1001).fill(trade()) },
    });
    expect(tooMany.status).toBe(400);
  });

  it('imports CSV all or nothing, naming each bad row by line', async () => {
    const header = 'instrument_name,direction,amount,price,client_id';
    const bad = [
      header,
      'BTC-PERPETUAL,buy,10000,95000,c1',
      'BTC-PERPETUAL,buy,-5,95000,c2',
      'BTC-NOPE,sell,1,1,c3',
    ];
    const res = await api('/trades/import', { method: 'POST', body: { csv: bad.join('\n') } });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.message).toMatch(/2 bad row\(s\): nothing imported/);
    expect(error.row_errors!.map((e) => e.line)).toEqual([3, 4]);
    expect(error.row_errors![0]!.error).toMatch(/invalid amount/);
    expect(await fills()).toEqual([]);

    const good = [
      header,
      'BTC-PERPETUAL,buy,10000,95000,c1',
      '"BTC-27MAR26","sell",20000,"101000",c2',
      'BTC-PERPETUAL,buy,10000,95000,c1',
    ];
    const ok = await api('/trades/import', {
      method: 'POST',
      body: { csv: `${good.join('\r\n')}\r\n` },
    });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ imported: 2, duplicates: 1 });
    expect((await fills()).map((f) => f.client_id).sort()).toEqual(['c1', 'c2']);
  });

  it('corrects and deletes a fill; an unknown id is 404', async () => {
    const posted = await api('/trades', { method: 'POST', body: trade({ client_id: 'k' }) });
    const { fill } = (await posted.json()) as { fill: FillWire };
    const put = await api(`/trades/${fill.id}`, { method: 'PUT', body: trade({ amount: 2 }) });
    expect(put.status).toBe(200);
    expect(await fills()).toEqual([{ ...fill, amount: 2 }]);
    expect((await api('/trades/nope', { method: 'DELETE' })).status).toBe(404);
    expect((await api(`/trades/${fill.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await fills()).toEqual([]);
  });

  it('keeps fills across a reopen of the state database', async () => {
    await api('/trades', { method: 'POST', body: trade({ client_id: 'p' }) });
    const before = await fills();
    expect(before).toHaveLength(1);
    await db.close();
    await open();
    expect(await fills()).toEqual(before);
  });
});

describe('the marked book', () => {
  beforeEach(async () => {
    await api('/trades', { method: 'POST', body: trade() });
    await api('/trades', {
      method: 'POST',
      body: trade({ instrument_name: 'BTC-27MAR26-110000-C', direction: 'sell', price: 0.03 }),
    });
    await api('/trades', {
      method: 'POST',
      body: trade({
        instrument_name: 'BTC-27MAR26',
        direction: 'sell',
        amount: 20_000,
        price: 100_000,
      }),
    });
  });

  it('positions carry P&L, Greeks and which marks they used and how old', async () => {
    const { positions } = (await (await api('/positions')).json()) as PositionsWire;
    const call = positions.find((p) => p.instrument_name === 'BTC-27MAR26-100000-C')!;
    expect(call.unrealized_pnl).toBeCloseTo(0.02, 12);
    expect(call.unrealized_pnl_usd).toBeCloseTo(2000, 6);
    expect(call.mark).toEqual({
      price: 0.07,
      iv: 55,
      underlying: 100_500,
      index: 100_000,
      source: 'option_mark',
      timestamp: NOW - 2000,
      age_ms: 2000,
    });
    const future = positions.find((p) => p.instrument_name === 'BTC-27MAR26')!;
    expect(future.mark.source).toBe('expiry_forward');
    expect(future.unrealized_pnl).toBeCloseTo(-20_000 * (1 / 100_000 - 1 / 100_500), 12);
    expect(future.greeks!.delta).toBeCloseTo(-20_000 / 100_500, 12);
  });

  it('the summary totals the book per currency', async () => {
    const s = (await (await api('/summary')).json()) as PortfolioSummaryWire;
    const futurePnl = -20_000 * (1 / 100_000 - 1 / 100_500);
    expect(s.unrealized_pnl_usd).toBeCloseTo((0.01 + futurePnl) * 100_000, 6);
    expect(s.positions).toBe(3);
    expect(s.unmarked).toEqual([]);
    expect(s.oldest_mark_age_ms).toBe(2000);
    expect(s.currencies.map((c) => c.currency)).toEqual(['BTC']);
    expect(Object.keys(s.currencies[0]!.by_expiry)).toEqual(['27MAR26']);
  });

  it('risk: the grid, and VaR equal to the cells run on the same book', async () => {
    const r = (await (await api('/risk')).json()) as PortfolioRiskWire;
    expect(r.var_reason).toBeNull();
    expect(r.grids[0]!.pnl_usd.length).toBe(3);
    expect(r.grids[0]!.pnl_usd[0]!.length).toBe(21);
    expect(r.grids[0]!.vol_shifts[0]).toBe(-20);
    expect(r.grids[0]!.pnl_usd[0]![10]![10]).toBeCloseTo(0, 6);
    const market = await fakeMarks().market('BTC');
    const marked = positionsFromFills(await fills()).map((p) => {
      const i = p.instrument;
      const mark = market.mark(
        p.instrument_name,
        i.kind,
        i.kind === 'perpetual' ? null : i.expiryMs,
      );
      return markPosition(p, mark!, NOW);
    });
    const book = riskBook(marked, 'BTC', NOW, market.smiles);
    const want = historicalVar([book], [returns.byCurrency.BTC]);
    expect(r.historical!.var).toBeCloseTo(want.var, 6);
    expect(r.historical!.n).toBe(500);
    const withIv = historicalVar([book], [returns.byCurrency.BTC], 0.99, [returns.volChanges!.BTC]);
    expect(r.historical_with_iv!.var).toBeCloseTo(withIv.var, 6);
    expect(r.historical_with_iv!.var).not.toBeCloseTo(want.var, 0); // the IV moves matter to this book
    expect(r.delta_gamma!.var).toBeGreaterThan(0);
    expect(r.history).toEqual({ from: returns.days[0], to: returns.days[499] });
  });

  it('a currency without a market leaves its positions unmarked and named, and VaR says why', async () => {
    await db.close();
    await open({ failBtc: true });
    const s = (await (await api('/summary')).json()) as PortfolioSummaryWire;
    expect([...s.unmarked].sort()).toEqual([
      'BTC-27MAR26',
      'BTC-27MAR26-100000-C',
      'BTC-27MAR26-110000-C',
    ]);
    expect(s.value_usd).toBe(0);
    const r = (await (await api('/risk')).json()) as PortfolioRiskWire;
    expect(r.historical).toBeNull();
    expect(r.var_reason).toMatch(/positions without marks/);
  });
});
