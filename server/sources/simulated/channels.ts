/**
 * The public subscription channels of the simulated exchange and the data each carries per tick, serialized
 * once per channel per tick whatever the number of subscribers.
 */
import type { Trade } from '../deribit/records';
import type { BookChange, SimulatedMarket, TickEvent } from './market';
import { instrumentStateEvents, type InstrumentStateSpec } from './instrument-state';
import { ticker } from './methods';

const CHANNEL =
  /^(?:(ticker|book)\.([A-Z0-9_]+(?:-[A-Za-z0-9]+)*)\.(100ms|raw|agg2)|(markprice\.options|deribit_volatility_index|deribit_price_index)\.([a-z]+_usdc?)|trades\.(option|future|any)\.([A-Z]+)\.(100ms|raw)|instrument\.state\.(option|future|any)\.([A-Za-z]+))$/;

export type ChannelSpec =
  | { type: 'ticker' | 'book'; instrument: string }
  | { type: 'markprice' | 'dvol' | 'index'; currency: string }
  | { type: 'trades'; kind: 'option' | 'future' | 'any'; currency: string }
  | InstrumentStateSpec;

/** Parse a channel name, or null when the exchange does not serve it. */
export function parseChannel(channel: string, currencies: readonly string[]): ChannelSpec | null {
  const m = CHANNEL.exec(channel);
  if (!m) return null;
  if (m[1]) return { type: m[1] as 'ticker' | 'book', instrument: m[2]! };
  if (m[9]) {
    const currency = m[10]!.toUpperCase();
    if (currency !== 'ANY' && !currencies.includes(currency)) return null;
    const kind = m[9] as InstrumentStateSpec['kind'];
    return { type: 'instrument_state', kind, currency: currency === 'ANY' ? null : currency };
  }
  if (m[4]) {
    const currency = m[5]!.split('_')[0]!.toUpperCase();
    if (!currencies.includes(currency)) return null;
    const type =
      m[4] === 'markprice.options'
        ? 'markprice'
        : m[4] === 'deribit_price_index'
          ? 'index'
          : 'dvol';
    return { type, currency };
  }
  if (!currencies.includes(m[7]!)) return null;
  return { type: 'trades', kind: m[6] as 'option' | 'future' | 'any', currency: m[7]! };
}

export function bookSnapshotData(m: SimulatedMarket, instrument: string) {
  const b = m.book(instrument);
  return {
    type: 'snapshot',
    instrument_name: instrument,
    timestamp: b.timestamp,
    change_id: b.change_id,
    bids: b.bids.map(([p, a]) => ['new', p, a]),
    asks: b.asks.map(([p, a]) => ['new', p, a]),
  };
}

export function bookChangeData(c: BookChange) {
  return { type: 'change', ...c };
}

/** The data of a non-book channel for this tick, or undefined when there is nothing to send. */
export function channelData(m: SimulatedMarket, spec: ChannelSpec, e: TickEvent): unknown {
  switch (spec.type) {
    case 'ticker':
      return m.quote(spec.instrument) ? ticker(m, spec.instrument) : undefined;
    case 'index':
      return {
        timestamp: e.t,
        price: m.feed.indexPrice(spec.currency),
        index_name: `${spec.currency.toLowerCase()}_usd`,
      };
    case 'dvol':
      return {
        timestamp: e.t,
        volatility: m.feed.dvol(spec.currency),
        index_name: `${spec.currency.toLowerCase()}_usd`,
      };
    case 'markprice':
      return m.feed.options(spec.currency).map((o) => ({
        instrument_name: o.instrument_name,
        mark_price: o.mark_price,
        iv: o.mark_iv / 100,
        timestamp: e.t,
      }));
    case 'trades': {
      const match = (t: Trade) =>
        t.instrument_name.startsWith(`${spec.currency}-`) &&
        (spec.kind === 'any' || (spec.kind === 'option') === /-[CP]$/.test(t.instrument_name));
      const trades = e.trades.filter(match);
      return trades.length > 0 ? trades : undefined;
    }
    case 'instrument_state': {
      const events = instrumentStateEvents(m, spec, e.t);
      return events.length > 0 ? events : undefined;
    }
    case 'book':
      return undefined;
  }
}

/** The notifications of one channel's data: one per instrument for `instrument.state.*`, as on Deribit. */
export function notifications(channel: string, spec: ChannelSpec, data: unknown): string[] {
  if (spec.type === 'instrument_state' && Array.isArray(data))
    return data.map((d: unknown) => notification(channel, d));
  return [notification(channel, data)];
}

/** `{"jsonrpc":"2.0","method":"subscription","params":{channel,data}}` as text. */
export function notification(channel: string, data: unknown): string {
  return JSON.stringify({ jsonrpc: '2.0', method: 'subscription', params: { channel, data } });
}
