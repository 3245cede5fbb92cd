import { describe, expect, it } from 'vitest';
import { csvRecords, csvTrades } from '../../../server/portfolio/csv';

const NOW = Date.UTC(2026, 1, 25, 8);

describe('CSV trades', () => {
  it('splits quoted fields with commas, doubled quotes and line breaks, keeping each record’s line', () => {
    const text = 'a,b\n"x, y","say ""hi"""\r\n"two\nlines",z\n\n';
    expect(csvRecords(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['two\nlines', 'z'] },
    ]);
  });

  it('takes columns in any order, optional ones empty', () => {
    const csv =
      'price,amount,direction,instrument_name,fee,client_id\n95000,100,sell,BTC-PERPETUAL,,x\n';
    expect(csvTrades(csv, NOW)).toEqual({
      trades: [
        {
          instrument_name: 'BTC-PERPETUAL',
          direction: 'sell',
          amount: 100,
          price: 95_000,
          fee: 0,
          timestamp: NOW,
          client_id: 'x',
        },
      ],
      errors: [],
    });
  });

  it('reports a bad header, a short row and bad values by line', () => {
    expect(csvTrades('instrument_name,direction,amount,colour\n', NOW).errors).toEqual([
      { line: 1, error: 'bad header: missing column price; unknown column "colour"' },
    ]);
    const { errors } = csvTrades(
      'instrument_name,direction,amount,price\nBTC-PERPETUAL,buy,100\nBTC-PERPETUAL,buy,abc,1\n',
      NOW,
    );
    expect(errors).toEqual([
      { line: 2, error: 'expected 4 fields, got 3' },
      { line: 3, error: 'invalid amount: expected a finite number above zero, got "abc"' },
    ]);
    expect(csvTrades('', NOW).errors[0]!.error).toMatch(/empty CSV/);
  });
});
