/**
 * Volatility surfaces: raw SVI per expiry (quasi-explicit calibration), SSVI across expiries, static-arbitrage
 * checks, smile and term-structure metrics, a DVOL-style 30-day index, and chain → slices grouping.
 */
export {
  sviCurvature,
  sviDurrlemanG,
  sviImpliedVol,
  sviSlope,
  sviTotalVariance,
  type SviParams,
} from './svi';
export { fitQuality, fitSvi, type SviFit, type SviFitOptions, type SviSliceInput } from './svi-fit';
export {
  atmTotalVariance,
  fitSsvi,
  ssviPhi,
  ssviToSvi,
  ssviTotalVariance,
  type SsviFit,
  type SsviParams,
} from './ssvi';
export {
  butterflyArbitrage,
  calendarArbitrage,
  type ArbitrageReport,
  type ButterflyViolation,
  type CalendarViolation,
  type KGrid,
} from './arbitrage';
export {
  atmTermStructure,
  interpolateVol,
  ivMinusRealized,
  riskReversalButterfly,
  smileDelta,
  smileInDelta,
  strikeForDelta,
  type RiskReversalButterfly,
} from './metrics';
export { stripVariance, sviVarianceSwapVol, vixStyleIndex, type VixStrip } from './vix-index';
export { chainToSlices, type ChainColumns, type ChainSlice } from './chain';
export { digitalAbove, smileAtMaturity, smileOf, type SmileAt, type SmileSlice } from './digital';
