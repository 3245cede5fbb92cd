/** The implied-vol inputs of one coin, from a live state or from an hour of the recorded history. */
import type { SimulatedHistory } from './history';
import type { VolSnapshot } from './implied';
import type { Regime } from './regime';
import type { MarketState } from './state';

/** @example dvolIndex(volSnapshotOf(state, 0), 0) */
export function volSnapshotOf(s: MarketState, coin: number): VolSnapshot {
  return {
    regime: s.regime,
    marketLogVar: s.marketLogVar,
    levelShift: s.levelShift,
    idioLogVar: s.idioLogVar[coin]!,
    premiumLog: s.premiumLog,
  };
}

/** The snapshot at the end of hour `k` of the history. */
export function volSnapshotAt(h: SimulatedHistory, k: number, coin: number): VolSnapshot {
  if (!(k >= 0 && k < h.hours)) throw new RangeError(`invalid hour: ${k}`);
  return {
    regime: h.regime[k]! as Regime,
    marketLogVar: h.marketLogVar[k]!,
    levelShift: h.levelShift[k]!,
    idioLogVar: h.idioLogVar[coin]![k]!,
    premiumLog: h.premiumLog[k]!,
  };
}
