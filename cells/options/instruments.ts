import { MS_PER_HOUR } from '../time';
/**
 * Deribit instrument names, both ways, in one pure module for the sidecar and notebooks
 * (`vol.options.parseInstrument`): options `BTC-6AUG21-40000-C` (day without a leading zero), futures
 * `BTC-27DEC24`, perpetuals `BTC-PERPETUAL`, linear (USDC-settled) instruments `SOL_USDC-PERPETUAL` and linear
 * options whose decimal point is written `d` (`XRP_USDC-30JUN23-0d625-C` is strike 0.625). Expiries are at
 * 08:00 UTC.
 */
export const MONTH_CODES = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
] as const;

interface Pair {
  /** `BTC`, `SOL`. */
  base: string;
  /** `USDC` for linear instruments, null for inverse (coin-margined) ones. */
  quote: string | null;
}

export type InstrumentInfo =
  | (Pair & {
      kind: 'option';
      expiryMs: number;
      strike: number;
      optionType: 'call' | 'put';
    })
  | (Pair & { kind: 'future'; expiryMs: number })
  | (Pair & { kind: 'perpetual' })
  | (Pair & { kind: 'spot'; quote: string });

const EXPIRY_HOUR_MS = 8 * MS_PER_HOUR;
const PAIR = /^([A-Z0-9]+)(?:_([A-Z0-9]+))?$/;
const STRIKE = /^(?:0|[1-9]\d*)(?:d\d*[1-9])?$/;

/** `6AUG21` → 08:00 UTC on 6 Aug 2021 (ms); strict: no leading zero, a real calendar day. */
export function parseExpiryCode(code: string): number {
  const m = /^([1-9]\d?)([A-Z]{3})(\d{2})$/.exec(code);
  const month = m ? MONTH_CODES.indexOf(m[2] as (typeof MONTH_CODES)[number]) : -1;
  if (!m || month < 0) throw new RangeError(`invalid expiry: ${code}`);
  const year = 2000 + Number(m[3]);
  const day = Number(m[1]);
  const ms = Date.UTC(year, month, day) + EXPIRY_HOUR_MS;
  if (new Date(ms).getUTCDate() !== day) throw new RangeError(`invalid expiry: ${code}`);
  return ms;
}

/** 08:00 UTC on 6 Aug 2021 → `6AUG21`. */
export function formatExpiryCode(expiryMs: number): string {
  const d = new Date(expiryMs);
  if (!Number.isFinite(expiryMs)) throw new RangeError(`invalid expiry: ${expiryMs}`);
  const yy = String(d.getUTCFullYear() % 100).padStart(2, '0');
  return `${d.getUTCDate()}${MONTH_CODES[d.getUTCMonth()]}${yy}`;
}

/**
 * Parse any Deribit instrument name.
 *
 * @example
 * parseInstrument('XRP_USDC-30JUN23-0d625-C');
 * // {kind: 'option', base: 'XRP', quote: 'USDC', expiryMs: 1688112000000, strike: 0.625, optionType: 'call'}
 */
export function parseInstrument(name: string): InstrumentInfo {
  const parts = name.split('-');
  const pair = PAIR.exec(parts[0] ?? '');
  if (!pair) throw new RangeError(`invalid instrument_name: ${name}`);
  const base = pair[1]!;
  const quote = pair[2] ?? null;
  try {
    if (parts.length === 1 && quote !== null) return { kind: 'spot', base, quote };
    if (parts.length === 2 && parts[1] === 'PERPETUAL') return { kind: 'perpetual', base, quote };
    if (parts.length === 2)
      return { kind: 'future', base, quote, expiryMs: parseExpiryCode(parts[1]!) };
    if (parts.length === 4 && (parts[3] === 'C' || parts[3] === 'P') && STRIKE.test(parts[2]!)) {
      const strike = Number(parts[2]!.replace('d', '.'));
      if (strike > 0) {
        const expiryMs = parseExpiryCode(parts[1]!);
        const optionType = parts[3] === 'C' ? 'call' : 'put';
        return { kind: 'option', base, quote, expiryMs, strike, optionType };
      }
    }
  } catch {
    // fall through to the uniform message
  }
  throw new RangeError(`invalid instrument_name: ${name}`);
}

/**
 * Format an instrument back to its name.
 *
 * @example
 * formatInstrument({kind: 'future', base: 'BTC', quote: null, expiryMs: Date.UTC(2024, 11, 27, 8)}); // 'BTC-27DEC24'
 */
export function formatInstrument(info: InstrumentInfo): string {
  if (!PAIR.test(info.base) || (info.quote !== null && !PAIR.test(info.quote)))
    throw new RangeError(`invalid currency: ${info.base}_${info.quote}`);
  const pair = info.quote === null ? info.base : `${info.base}_${info.quote}`;
  switch (info.kind) {
    case 'spot':
      return pair;
    case 'perpetual':
      return `${pair}-PERPETUAL`;
    case 'future':
      return `${pair}-${formatExpiryCode(info.expiryMs)}`;
    case 'option': {
      if (!(info.strike > 0) || !Number.isFinite(info.strike))
        throw new RangeError(`invalid strike: ${info.strike}`);
      const strike = String(info.strike).replace('.', 'd');
      if (!STRIKE.test(strike)) throw new RangeError(`invalid strike: ${info.strike}`);
      return `${pair}-${formatExpiryCode(info.expiryMs)}-${strike}-${info.optionType === 'call' ? 'C' : 'P'}`;
    }
  }
}

/** The settlement currency an instrument trades in: the quote for linear ones, else the base. */
export function instrumentCurrency(name: string): string {
  const info = parseInstrument(name);
  return info.quote ?? info.base;
}

/** An option name in the shape notebooks used first: the pair as `currency`, the type as `type`. */
export interface InstrumentName {
  currency: string;
  expiryMs: number;
  strike: number;
  type: 'call' | 'put';
}

/**
 * Parse an option name (`parseInstrument` restricted to options, in the `InstrumentName` shape).
 *
 * @example
 * parseInstrumentName('BTC-28MAR25-100000-C'); // {currency: 'BTC', expiryMs: 1743148800000, strike: 100000, type: 'call'}
 */
export function parseInstrumentName(name: string): InstrumentName {
  const info = parseInstrument(name);
  if (info.kind !== 'option') throw new RangeError(`invalid instrument_name: ${name}`);
  const currency = info.quote === null ? info.base : `${info.base}_${info.quote}`;
  return { currency, expiryMs: info.expiryMs, strike: info.strike, type: info.optionType };
}
