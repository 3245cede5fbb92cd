import { describe, expect, it } from 'vitest';
import {
  formatExpiryCode,
  formatInstrument,
  instrumentCurrency,
  parseExpiryCode,
  parseInstrument,
  parseInstrumentName,
  type InstrumentInfo,
} from '../../../cells/options/instruments';

const at8 = (y: number, m: number, d: number) => Date.UTC(y, m, d, 8);

// Hand-written from Deribit's naming rules (docs: "Instrument naming").
const CASES: [string, InstrumentInfo][] = [
  [
    'BTC-6AUG21-40000-C',
    {
      kind: 'option',
      base: 'BTC',
      quote: null,
      expiryMs: at8(2021, 7, 6),
      strike: 40000,
      optionType: 'call',
    },
  ],
  [
    'ETH-27DEC24-3500-P',
    {
      kind: 'option',
      base: 'ETH',
      quote: null,
      expiryMs: at8(2024, 11, 27),
      strike: 3500,
      optionType: 'put',
    },
  ],
  [
    'XRP_USDC-30JUN23-0d625-C',
    {
      kind: 'option',
      base: 'XRP',
      quote: 'USDC',
      expiryMs: at8(2023, 5, 30),
      strike: 0.625,
      optionType: 'call',
    },
  ],
  [
    'SOL_USDC-1MAR24-125d5-P',
    {
      kind: 'option',
      base: 'SOL',
      quote: 'USDC',
      expiryMs: at8(2024, 2, 1),
      strike: 125.5,
      optionType: 'put',
    },
  ],
  ['BTC-27DEC24', { kind: 'future', base: 'BTC', quote: null, expiryMs: at8(2024, 11, 27) }],
  ['BTC_USDC-5JAN24', { kind: 'future', base: 'BTC', quote: 'USDC', expiryMs: at8(2024, 0, 5) }],
  ['BTC-PERPETUAL', { kind: 'perpetual', base: 'BTC', quote: null }],
  ['SOL_USDC-PERPETUAL', { kind: 'perpetual', base: 'SOL', quote: 'USDC' }],
  ['BTC_USDC', { kind: 'spot', base: 'BTC', quote: 'USDC' }],
];

describe('Deribit instrument names', () => {
  it.each(CASES)('parses %s', (name, info) => {
    expect(parseInstrument(name)).toEqual(info);
  });

  it.each(CASES)('formats %s back from its parts', (name, info) => {
    expect(formatInstrument(info)).toBe(name);
  });

  it('writes the day without a leading zero and the year with two digits', () => {
    expect(formatExpiryCode(at8(2021, 7, 6))).toBe('6AUG21');
    expect(formatExpiryCode(at8(2030, 0, 31))).toBe('31JAN30');
    expect(parseExpiryCode('6AUG21')).toBe(Date.parse('2021-08-06T08:00:00Z'));
  });

  it.each([
    'BTC-06AUG21-40000-C',
    'BTC-31FEB24',
    'BTC-6AUG21-40000-X',
    'BTC-6AUG21-0-C',
    'BTC-6AUG21-0d50-C',
    'BTC-6AUG21-4.5-C',
    'btc-PERPETUAL',
    'BTC-6XYZ21',
    '',
    'BTC-PERPETUAL-1',
  ])('rejects %j', (name) => {
    expect(() => parseInstrument(name)).toThrow(`invalid instrument_name: ${name}`);
  });

  it('rejects a strike that cannot be written', () => {
    const bad = {
      kind: 'option',
      base: 'BTC',
      quote: null,
      expiryMs: at8(2024, 0, 5),
      optionType: 'call',
    } as const;
    expect(() => formatInstrument({ ...bad, strike: 0 })).toThrow('invalid strike: 0');
    expect(() => formatInstrument({ ...bad, strike: 1e21 })).toThrow('invalid strike');
  });

  it('takes the settlement currency from the quote of linear instruments', () => {
    expect(instrumentCurrency('XRP_USDC-30JUN23-0d625-C')).toBe('USDC');
    expect(instrumentCurrency('BTC-6AUG21-40000-C')).toBe('BTC');
  });

  it('parses option names in the InstrumentName shape (the pair as currency)', () => {
    expect(parseInstrumentName('BTC-28MAR25-100000-C')).toEqual({
      currency: 'BTC',
      expiryMs: Date.UTC(2025, 2, 28, 8),
      strike: 100_000,
      type: 'call',
    });
    expect(parseInstrumentName('XRP_USDC-30MAY25-2d5-P')).toEqual({
      currency: 'XRP_USDC',
      expiryMs: Date.UTC(2025, 4, 30, 8),
      strike: 2.5,
      type: 'put',
    });
    expect(() => parseInstrumentName('BTC-PERPETUAL')).toThrow(/invalid instrument_name/);
    expect(() => parseInstrumentName('BTC-27DEC24')).toThrow(/invalid instrument_name/);
  });
});
