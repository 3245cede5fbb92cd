/**
 * The claims of `notebooks/btc-volatility-surface.md`, checked in Node on the bundled (simulated) BTC chain read
 * with native DuckDB: the implied-vol round trip, SVI fit quality, the VIX-style 30-day index against DVOL, static
 * arbitrage, and 25Δ RR/BF on a calm day against real-market ranges (a real Deribit BTC chain in a calm market,
 * January 2026: 25Δ RR from about +2 at the shortest expiries to −2.5 at 3–12 months, 25Δ BF 0.1–1.0). Pricing as
 * Deribit does is checked against real Deribit tickers in test/cells/options/deribit-tickers.test.ts.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { impliedVol, yearFraction, type OptionType } from '../../cells/options';
import {
  atmTermStructure,
  butterflyArbitrage,
  calendarArbitrage,
  chainToSlices,
  fitSvi,
  riskReversalButterfly,
  vixStyleIndex,
  type ChainSlice,
  type SviFit,
} from '../../cells/surface';
import { queryRows } from '../../server/db/duckdb';
import { ensureBundledDatasets } from '../../server/datasets/generate';
import { parse } from '../../web/notebook';

const REPO = resolve(__dirname, '../..');
const NOTEBOOK = join(REPO, 'notebooks/btc-volatility-surface.md');

interface ChainRow {
  ts: number;
  expiry: number;
  strike: number;
  option_type: OptionType;
  underlying_price: number;
  mark_iv: number;
  bid_iv: number;
  ask_iv: number;
  mark_price: number;
}

/** The notebook's option_chain slice window, from its front matter. */
async function notebookWindow(): Promise<{ from: string; to: string }> {
  const notebook = parse(await readFile(NOTEBOOK, 'utf8'));
  const datasets = notebook.frontMatter?.data['datasets'] as {
    name?: string;
    where?: Record<string, unknown>;
  }[];
  const chain = datasets.find((d) => d.name === 'option_chain');
  const date = chain?.where?.['date'] as { from: string; to: string } | undefined;
  if (!date || chain?.where?.['currency'] !== 'BTC')
    throw new Error('notebook does not slice the BTC chain');
  return { from: String(date.from), to: String(date.to) };
}

describe('BTC volatility surface notebook, on the bundled chain', () => {
  let day: string;
  let rows: ChainRow[];
  let slices: ChainSlice[];
  let fits: SviFit[];
  let dvolClose: number;
  let dvolAt8: number;

  beforeAll(async () => {
    const dir = process.env.VOLLAB_DATA_DIR ?? join(REPO, 'datasets');
    if (!existsSync(join(dir, 'catalog.json'))) await ensureBundledDatasets(dir);
    const source = (kind: string) =>
      `read_parquet('${join(dir, `source=simulated/kind=${kind}/**/*.parquet`)}', hive_partitioning = true)`;
    const { from, to } = await notebookWindow();
    // The calmest day of the notebook's window: the lowest DVOL close.
    const [calm] = await queryRows(
      `SELECT strftime(date, '%Y-%m-%d') AS day, close FROM ${source('dvol_daily')}
       WHERE currency = 'BTC' AND date BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) ORDER BY close LIMIT 1`,
      [from, to],
    );
    day = String(calm!.day);
    dvolClose = Number(calm!.close);
    const [at8] = await queryRows(
      `SELECT close FROM ${source('dvol_hourly')} WHERE currency = 'BTC' AND ts = CAST(? AS TIMESTAMP) + INTERVAL 7 HOUR`,
      [day],
    );
    dvolAt8 = Number(at8!.close);
    rows = (await queryRows(
      `SELECT CAST(epoch_ms(timestamp) AS DOUBLE) AS ts, CAST(epoch_ms(expiry) AS DOUBLE) AS expiry, strike,
              option_type, underlying_price, mark_iv, bid_iv, ask_iv, mark_price
       FROM ${source('option_chain')} WHERE currency = 'BTC' AND date = CAST(? AS DATE)`,
      [day],
    )) as unknown as ChainRow[];
    slices = chainToSlices({
      expiry: rows.map((r) => r.expiry),
      strike: rows.map((r) => r.strike),
      type: rows.map((r) => r.option_type),
      underlying_price: rows.map((r) => r.underlying_price),
      mark_iv: rows.map((r) => r.mark_iv),
      bid_iv: rows.map((r) => r.bid_iv),
      ask_iv: rows.map((r) => r.ask_iv),
      timestamp: rows.map((r) => r.ts),
    });
    fits = slices.map((s) => fitSvi(s));
  });

  it('reads a realistic chain: hundreds of options over about a dozen expiries from 1 day to 1 year', () => {
    expect(rows.length).toBeGreaterThan(400);
    expect(slices.length).toBeGreaterThanOrEqual(10);
    expect(slices[0]!.T * 365).toBeLessThanOrEqual(2);
    expect(slices.at(-1)!.T * 365).toBeGreaterThan(300);
  });

  it('recovers mark_iv from mark_price × F by implied vol to 1e-9', () => {
    let worst = 0;
    for (const r of rows) {
      const T = yearFraction(r.ts, r.expiry);
      const F = r.underlying_price;
      const sigma = impliedVol(r.mark_price * F, F, r.strike, T, r.option_type);
      worst = Math.max(worst, Math.abs(sigma - r.mark_iv / 100));
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it('fits every expiry with SVI to well under a vol point, inside the bid/ask band', () => {
    for (const f of fits) {
      expect(f.n).toBeGreaterThanOrEqual(5);
      expect(f.rmseVolPoints).toBeLessThan(0.05);
      expect(f.insideBidAsk).toBe(1);
    }
  });

  it('puts the 30-day ATM vol on DVOL at 08:00 and the VIX-style index within two points of the daily DVOL', () => {
    const atm30 =
      100 *
      atmTermStructure(
        fits.map((f) => ({ T: f.T, params: f })),
        [30],
      ).atmVol[0]!;
    const index =
      100 *
      vixStyleIndex(slices.map((s) => ({ T: s.T, forward: s.forward, strike: s.strike, iv: s.iv })))
        .vol;
    // The simulator's DVOL is its 30-day ATM vol; the chain is a snapshot at 08:00 UTC.
    expect(Math.abs(atm30 - dvolAt8)).toBeLessThan(1);
    // A variance swap collects the smile's convexity: it sits above ATM, by a point or two on a calm day.
    expect(index).toBeGreaterThan(atm30);
    expect(Math.abs(index - dvolClose)).toBeLessThan(2);
  });

  it('passes the butterfly (Durrleman) and calendar checks', () => {
    for (const f of fits) expect(butterflyArbitrage(f, f.T).violations).toEqual([]);
    expect(calendarArbitrage(fits.map((f) => ({ T: f.T, params: f }))).violations).toEqual([]);
  });

  it('shows calm-market 25Δ risk reversals and butterflies', () => {
    const rb = fits.map((f) => ({ days: f.T * 365, ...riskReversalButterfly(f, f.T, 0.25) }));
    // Shortest expiries: a small call skew; 3–12 months: puts over calls by a couple of points.
    expect(100 * rb[0]!.rr).toBeGreaterThan(0);
    expect(100 * rb[0]!.rr).toBeLessThan(3);
    const term = rb.filter((x) => x.days >= 85 && x.days <= 370);
    expect(term.length).toBeGreaterThan(0);
    for (const x of term) {
      expect(100 * x.rr).toBeGreaterThan(-3.5);
      expect(100 * x.rr).toBeLessThan(-1.5);
    }
    for (const x of rb) {
      expect(100 * x.bf).toBeGreaterThan(0.1);
      expect(100 * x.bf).toBeLessThan(1);
    }
  });
});
