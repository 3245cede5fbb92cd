import { describe, expect, it } from 'vitest';
import type { InstrumentChoiceWire } from '../../../server/contract';
import { instrumentProblem, priceWarning } from '../../../web/portfolio/trade-hints';

const choices: InstrumentChoiceWire[] = [
  { instrument_name: 'BTC-PERPETUAL', kind: 'perpetual', mark_price: 95_000 },
  { instrument_name: 'BTC-27MAR26-100000-C', kind: 'option', mark_price: 0.05 },
  { instrument_name: 'BTC-27MAR26-90000-P', kind: 'option', mark_price: null },
];

describe('hints from the live chain in the add-trade form', () => {
  it('names an option the chain does not list, and nothing else', () => {
    expect(instrumentProblem('btc-27mar26-123457-c', choices)).toBe(
      'instrument: BTC-27MAR26-123457-C is not listed on the live chain (pick one from the list)',
    );
    expect(instrumentProblem('btc-27mar26-100000-c', choices)).toBeNull();
    expect(instrumentProblem('BTC-26JUN26', choices)).toBeNull(); // a future: the sidecar decides
    expect(instrumentProblem('BTC-27MAR26-123457-C', [])).toBeNull(); // no chain known
  });

  it('warns on a price more than twice or under half the mark, saying the units', () => {
    expect(priceWarning('BTC-27MAR26-100000-C', 0.1, choices)).toBeNull(); // exactly 2×
    expect(priceWarning('BTC-27MAR26-100000-C', 0.025, choices)).toBeNull(); // exactly ½
    expect(priceWarning('BTC-27MAR26-100000-C', 0.11, choices)).toMatch(
      /mark 0\.05 \(options are priced in coin\)/,
    );
    expect(priceWarning('BTC-PERPETUAL', 1, choices)).toMatch(/futures are priced in USD per coin/);
    expect(priceWarning('BTC-27MAR26-90000-P', 5, choices)).toBeNull(); // unmarked
  });
});
