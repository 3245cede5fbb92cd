/**
 * Option pricing on Deribit's conventions: Black-76 on the forward (r = 0), Greeks in Deribit's units, implied
 * volatility by Jäckel's "Let's Be Rational", and the date and quote conventions.
 */
export { black76Price, type OptionType } from './black76';
export {
  greeks,
  premiumAdjustedDelta,
  type Greeks,
  type GreeksConvention,
  type GreeksOptions,
} from './greeks';
export {
  impliedVol,
  impliedVolArray,
  impliedVolDetailed,
  type ImpliedVolReason,
  type ImpliedVolResult,
  type NumberOrArray,
  type OptionTypes,
} from './implied-vol';
export { black76PriceArray, greeksArray, type GreeksArrays } from './arrays';
export {
  MS_PER_YEAR,
  coinToUsd,
  expiryMs,
  markPriceCoin,
  usdToCoin,
  yearFraction,
} from './conventions';
export {
  MONTH_CODES,
  formatExpiryCode,
  formatInstrument,
  instrumentCurrency,
  parseExpiryCode,
  parseInstrument,
  parseInstrumentName,
  type InstrumentInfo,
  type InstrumentName,
} from './instruments';
