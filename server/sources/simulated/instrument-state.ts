/**
 * The simulated exchange's `instrument.state.{kind}.{currency}` channel: listings and expiries as Deribit
 * reports them, one notification per instrument, `{timestamp, state, instrument_name}`. New instruments come as
 * `created`, expired ones as `terminated`. The exchange diffs the listed instruments between ticks, starting
 * from the listing when the channel is first served (no burst of old listings on subscribe).
 */
import type { SimulatedMarket } from './market';

export interface InstrumentStateSpec {
  type: 'instrument_state';
  kind: 'option' | 'future' | 'any';
  /** Null for `any`. */
  currency: string | null;
}

export interface InstrumentStateEvent {
  timestamp: number;
  state: 'created' | 'terminated';
  instrument_name: string;
}

interface Tracker {
  t: number;
  names: Set<string>;
  events: InstrumentStateEvent[];
}

const trackers = new WeakMap<SimulatedMarket, Map<string, Tracker>>();

function listed(m: SimulatedMarket, spec: InstrumentStateSpec): Set<string> {
  const names = new Set<string>();
  for (const c of spec.currency ? [spec.currency] : m.feed.currencies()) {
    if (spec.kind !== 'future') for (const o of m.feed.options(c)) names.add(o.instrument_name);
    if (spec.kind !== 'option') for (const f of m.feed.futures(c)) names.add(f.instrument_name);
  }
  return names;
}

/**
 * The state changes since the previous tick this channel was served (the same list for every session of a tick).
 *
 * @example
 * instrumentStateEvents(market, {type: 'instrument_state', kind: 'option', currency: 'BTC'}, e.t);
 */
export function instrumentStateEvents(
  m: SimulatedMarket,
  spec: InstrumentStateSpec,
  t: number,
): InstrumentStateEvent[] {
  let byKey = trackers.get(m);
  if (!byKey) trackers.set(m, (byKey = new Map()));
  const key = `${spec.kind}.${spec.currency ?? 'any'}`;
  const prev = byKey.get(key);
  if (prev?.t === t) return prev.events;
  const names = listed(m, spec);
  const events: InstrumentStateEvent[] = [];
  if (prev) {
    for (const n of prev.names)
      if (!names.has(n)) events.push({ timestamp: t, state: 'terminated', instrument_name: n });
    for (const n of names)
      if (!prev.names.has(n)) events.push({ timestamp: t, state: 'created', instrument_name: n });
  }
  byKey.set(key, { t, names, events });
  return events;
}
