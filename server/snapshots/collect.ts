/**
 * What each snapshot kind fetches, as rows in the dataset's columns: the option chain now
 * (`get_book_summary_by_currency`), trades by time window (paged while `has_more`), hourly perpetual bars
 * (`get_tradingview_chart_data` in 5,000-bar windows), hourly DVOL (paged by `continuation`), and Polymarket
 * price histories of the currency's markets.
 */
import { parseInstrument } from '../../cells/options/instruments';
import type { DeribitHttpClient } from '../sources/deribit/http-client';
import { chartHistory, tradesByTime, volatilityIndexHistory } from '../sources/deribit/paging';
import type { PolymarketClient } from '../sources/polymarket/client';
import type { SnapshotRow } from './schema';

export interface Window {
  start: number;
  end: number;
}

/** The option chain at the time of the call, one row per listed option. */
export async function collectChain(
  client: DeribitHttpClient,
  currency: string,
): Promise<SnapshotRow[]> {
  const summaries = await client.getBookSummaryByCurrency({ currency, kind: 'option' });
  const rows: SnapshotRow[] = [];
  for (const s of summaries) {
    let info;
    try {
      info = parseInstrument(s.instrument_name);
    } catch {
      continue;
    }
    if (info.kind !== 'option') continue;
    rows.push({
      timestamp: s.creation_timestamp,
      instrument_name: s.instrument_name,
      expiry: info.expiryMs,
      strike: info.strike,
      option_type: info.optionType,
      underlying_price: s.underlying_price,
      underlying_index: s.underlying_index,
      mark_price: s.mark_price,
      mark_iv: s.mark_iv,
      bid_price: s.bid_price,
      ask_price: s.ask_price,
      mid_price: s.mid_price,
      last: s.last,
      open_interest: s.open_interest,
      volume: s.volume,
      interest_rate: s.interest_rate,
      currency,
    });
  }
  return rows;
}

/** Every trade of the currency in the window. */
export async function collectTrades(
  client: DeribitHttpClient,
  currency: string,
  w: Window,
): Promise<SnapshotRow[]> {
  const trades = await tradesByTime(client, { currency, start: w.start, end: w.end });
  return trades.map((t) => ({ ...t, currency }));
}

/** Hourly bars of the currency's perpetual in the window. */
export async function collectOhlcv(
  client: DeribitHttpClient,
  currency: string,
  w: Window,
): Promise<SnapshotRow[]> {
  const instrument_name = `${currency}-PERPETUAL`;
  const bars = await chartHistory(client, {
    instrument_name,
    resolution: '60',
    start: w.start,
    end: w.end,
  });
  const rows: SnapshotRow[] = [];
  for (let i = 0; i < bars.ticks.length; i++)
    rows.push({
      timestamp: bars.ticks[i]!,
      instrument_name,
      open: bars.open[i]!,
      high: bars.high[i]!,
      low: bars.low[i]!,
      close: bars.close[i]!,
      volume: bars.volume[i]!,
      cost: bars.cost[i]!,
      currency,
    });
  return rows;
}

/** Hourly DVOL candles in the window. */
export async function collectDvol(
  client: DeribitHttpClient,
  currency: string,
  w: Window,
): Promise<SnapshotRow[]> {
  const candles = await volatilityIndexHistory(client, {
    currency,
    resolution: '3600',
    start: w.start,
    end: w.end,
  });
  return candles.map(([timestamp, open, high, low, close]) => ({
    timestamp,
    open,
    high,
    low,
    close,
    currency,
  }));
}

const NAMES: Readonly<Record<string, RegExp>> = {
  BTC: /\b(BTC|Bitcoin)\b/i,
  ETH: /\b(ETH|Ethereum|Ether)\b/i,
};

/** Price histories (fidelity 1 minute) of the open markets whose question names the currency. */
export async function collectPolymarket(
  client: PolymarketClient,
  currency: string,
  w: Window,
): Promise<SnapshotRow[]> {
  const pattern = NAMES[currency] ?? new RegExp(`\\b${currency}\\b`, 'i');
  const markets = (await client.markets({ active: true, closed: false, limit: 500 })).filter((m) =>
    pattern.test(m.question),
  );
  const rows: SnapshotRow[] = [];
  for (const m of markets)
    for (const [i, token] of m.clobTokenIds.entries()) {
      const history = await client.pricesHistory({
        market: token,
        startTs: Math.floor(w.start / 1000),
        endTs: Math.ceil(w.end / 1000),
        fidelity: 1,
      });
      for (const point of history)
        if (Number.isFinite(point.t) && Number.isFinite(point.p))
          rows.push({
            timestamp: point.t * 1000,
            token_id: token,
            outcome: m.outcomes[i] ?? null,
            price: point.p,
            market_id: m.id,
            slug: m.slug,
            question: m.question,
            end_date: m.endDate ? Date.parse(m.endDate) : null,
            currency,
          });
    }
  return rows;
}
