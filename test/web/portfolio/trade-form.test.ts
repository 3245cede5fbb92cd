import { describe, expect, it } from 'vitest';
import { tradeFromForm } from '../../../web/portfolio/trade-form';

const form = (over: Record<string, string> = {}) => ({
  instrument_name: 'btc-27mar26-100000-c',
  direction: 'buy',
  amount: '1.5',
  price: '0.05',
  fee: '',
  ...over,
});

describe('the add-trade form', () => {
  it('turns good values into a trade, the name upper-cased and an empty fee zero', () => {
    expect(tradeFromForm(form())).toEqual({
      trade: {
        instrument_name: 'BTC-27MAR26-100000-C',
        direction: 'buy',
        amount: 1.5,
        price: 0.05,
        fee: 0,
      },
    });
  });

  it('names the first bad field', () => {
    expect(tradeFromForm(form({ instrument_name: 'SOL-PERPETUAL' }))).toMatchObject({
      error: expect.stringMatching(/^instrument/),
    });
    expect(tradeFromForm(form({ amount: '0' }))).toMatchObject({
      error: expect.stringMatching(/^amount/),
    });
    expect(tradeFromForm(form({ amount: 'NaN' }))).toMatchObject({
      error: expect.stringMatching(/^amount/),
    });
    expect(tradeFromForm(form({ price: '' }))).toMatchObject({
      error: expect.stringMatching(/^price/),
    });
    expect(tradeFromForm(form({ price: '-1' }))).toMatchObject({
      error: expect.stringMatching(/^price/),
    });
    expect(tradeFromForm(form({ fee: 'x' }))).toMatchObject({
      error: expect.stringMatching(/^fee/),
    });
    expect(tradeFromForm(form({ direction: 'hold' }))).toMatchObject({
      error: expect.stringMatching(/^direction/),
    });
  });
});
