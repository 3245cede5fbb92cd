import { describe, expect, it } from 'vitest';
import { instrumentChoices } from '../../../server/portfolio/instruments';
import { fakeMarks, MAR, NOW } from './fake-market';

describe('the instruments the add-trade form offers', () => {
  it('lists the perpetual, a future per expiry and the listed options, each with its live mark', async () => {
    const { as_of, instruments } = await instrumentChoices(fakeMarks(), NOW);
    expect(as_of).toBe(NOW);
    expect(instruments).toEqual([
      { instrument_name: 'BTC-PERPETUAL', kind: 'perpetual', mark_price: 100_000 },
      { instrument_name: 'BTC-27MAR26', kind: 'future', mark_price: 100_500 },
      { instrument_name: 'BTC-27MAR26-100000-C', kind: 'option', mark_price: 0.07 },
      { instrument_name: 'BTC-27MAR26-110000-C', kind: 'option', mark_price: 0.04 },
    ]);
  });

  it('leaves out what has expired, and a currency without a market', async () => {
    const { instruments } = await instrumentChoices(fakeMarks(), MAR + 1);
    expect(instruments.map((i) => i.instrument_name)).toEqual(['BTC-PERPETUAL']);
  });
});
