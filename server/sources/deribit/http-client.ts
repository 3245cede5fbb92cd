/**
 * Deribit's public REST API: `GET {baseUrl}/api/v2/public/{method}?…` returning a JSON-RPC envelope. Every call
 * waits for rate-limit credits, retries the retryable error codes with jittered backoff and times out.
 * Point `baseUrl` at the simulated exchange to run offline.
 */
import * as parse from './parse';
import { createDeribitRateLimiter, type DeribitRateLimiter } from './rate-limit';
import type {
  BookSummary,
  ChartData,
  DeliveryPrices,
  HistoricalVolatility,
  IndexPrice,
  Instrument,
  OrderBookSnapshot,
  Ticker,
  TradesPage,
  VolatilityIndexPage,
} from './records';
import { DEFAULT_BACKOFF, withRetry, type BackoffPolicy } from './retry';
import { DeribitError, DeribitTransportError, isRetryable, unwrap } from './rpc';

export type Params = Record<string, string | number | boolean | undefined>;

export interface DeribitHttpOptions {
  /** e.g. `https://www.deribit.com` or the simulated exchange's `http://127.0.0.1:PORT`. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** null disables client-side rate limiting. */
  limiter?: DeribitRateLimiter | null;
  backoff?: BackoffPolicy;
  timeoutMs?: number;
}

export interface DeribitHttpClient {
  readonly baseUrl: string;
  /** Any public method; returns the raw `result`. */
  call(method: string, params?: Params, signal?: AbortSignal): Promise<unknown>;
  getInstruments(p: { currency: string; kind?: string; expired?: boolean }): Promise<Instrument[]>;
  getBookSummaryByCurrency(p: { currency: string; kind?: string }): Promise<BookSummary[]>;
  ticker(p: { instrument_name: string }): Promise<Ticker>;
  getOrderBook(p: { instrument_name: string; depth?: number }): Promise<OrderBookSnapshot>;
  getIndexPrice(p: { index_name: string }): Promise<IndexPrice>;
  getVolatilityIndexData(p: {
    currency: string;
    start_timestamp: number;
    end_timestamp: number;
    resolution: string | number;
  }): Promise<VolatilityIndexPage>;
  getTradingviewChartData(p: {
    instrument_name: string;
    start_timestamp: number;
    end_timestamp: number;
    resolution: string | number;
  }): Promise<ChartData>;
  getLastTradesByCurrencyAndTime(p: {
    currency: string;
    kind?: string;
    start_timestamp: number;
    end_timestamp: number;
    count?: number;
    sorting?: 'asc' | 'desc' | 'default';
  }): Promise<TradesPage>;
  getHistoricalVolatility(p: { currency: string }): Promise<HistoricalVolatility>;
  getDeliveryPrices(p: {
    index_name: string;
    offset?: number;
    count?: number;
  }): Promise<DeliveryPrices>;
}

/**
 * @example
 * const deribit = createDeribitHttpClient({baseUrl: 'https://www.deribit.com'});
 * const spot = (await deribit.getIndexPrice({index_name: 'btc_usd'})).index_price;
 */
export function createDeribitHttpClient(options: DeribitHttpOptions): DeribitHttpClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  if (!/^https?:\/\//.test(baseUrl)) throw new RangeError(`invalid baseUrl: ${options.baseUrl}`);
  const doFetch = options.fetch ?? fetch;
  const limiter = options.limiter === undefined ? createDeribitRateLimiter() : options.limiter;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const timeoutMs = options.timeoutMs ?? 10_000;

  const once = async (method: string, params: Params, signal?: AbortSignal): Promise<unknown> => {
    await limiter?.acquire(method, signal);
    const url = `${baseUrl}/api/v2/public/${method}${queryString(params)}`;
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        headers: { accept: 'application/json' },
      });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const timedOut = timeout.aborted;
      const message = timedOut
        ? `timeout after ${timeoutMs} ms: ${method}`
        : `request failed: ${method}`;
      throw new DeribitTransportError(message, timedOut, { cause: error });
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      if (response.status === 429)
        throw new DeribitError(10028, 'too_many_requests', undefined, 429);
      throw new DeribitTransportError(`invalid response (HTTP ${response.status}): ${method}`);
    }
    return unwrap(body, response.status);
  };

  const call = (method: string, params: Params = {}, signal?: AbortSignal) => {
    if (!/^[a-z_]+$/.test(method)) throw new RangeError(`invalid method: ${method}`);
    return withRetry(() => once(method, params, signal), backoff, isRetryable, signal);
  };
  const list = <T>(raw: unknown, f: (x: unknown) => T): T[] => {
    if (!Array.isArray(raw)) throw new DeribitTransportError('invalid response: expected an array');
    return raw.map(f);
  };

  return {
    baseUrl,
    call,
    getInstruments: async (p) =>
      list(await call('get_instruments', p), parse.parseInstrumentRecord),
    getBookSummaryByCurrency: async (p) =>
      list(await call('get_book_summary_by_currency', p), parse.parseBookSummary),
    ticker: async (p) => parse.parseTicker(await call('ticker', p)),
    getOrderBook: async (p) => parse.parseOrderBook(await call('get_order_book', p)),
    getIndexPrice: async (p) => parse.parseIndexPrice(await call('get_index_price', p)),
    getVolatilityIndexData: async (p) =>
      parse.parseVolatilityIndexPage(await call('get_volatility_index_data', p)),
    getTradingviewChartData: async (p) =>
      parse.parseChartData(await call('get_tradingview_chart_data', p)),
    getLastTradesByCurrencyAndTime: async (p) => {
      if (p.count !== undefined && !(Number.isInteger(p.count) && p.count >= 1 && p.count <= 1000))
        throw new RangeError(`invalid count: ${p.count}`);
      return parse.parseTradesPage(await call('get_last_trades_by_currency_and_time', p));
    },
    getHistoricalVolatility: async (p) =>
      parse.parseHistoricalVolatility(await call('get_historical_volatility', p)),
    getDeliveryPrices: async (p) => parse.parseDeliveryPrices(await call('get_delivery_prices', p)),
  };
}

/** `?a=1&b=true`, skipping undefined values. */
export function queryString(params: Params): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) q.set(key, String(value));
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}
