/**
 * Parameters of the market model, in daily units (variances per day, rates per day). Values were tuned so
 * that the BTC series lands in the ranges of real BTC history (2014–2024 daily closes, Deribit DVOL 2021–2026),
 * which test/server/simulator/stylized-facts.test.ts states and checks.
 */
export interface MarketParams {
  /** Target log daily variance of the market state in each regime (calm, turbulent, crash). */
  logVarTarget: readonly [number, number, number];
  /** Mean reversion of the market log variance, per day. */
  kappa: number;
  /** Volatility of the market log variance, per √day. */
  volOfVol: number;
  /** Correlation of variance shocks with market return shocks (leverage effect: < 0). */
  leverage: number;
  /** Log-variance kick per unit of |jump| / daily sigma: vol spikes after jumps. */
  jumpFeedback: number;
  /** Mean reversion and vol of the coin-specific log-variance deviation. */
  idioKappa: number;
  idioVolOfVol: number;
  /** Drift per day in each regime (before the anchor correction). */
  drift: readonly [number, number, number];
  /** Market jump intensity per day in each regime. */
  jumpRate: readonly [number, number, number];
  /** Probability that a market jump is down; mean sizes (log) of down and up jumps. */
  jumpDownProb: number;
  jumpDownMean: number;
  jumpUpMean: number;
  /** Coin-specific jump intensity per day (altcoin news). */
  idioJumpRate: number;
  /** Degrees of freedom of the Student-t return innovations. */
  nu: number;
  /** Market-loading multiplier in each regime: correlations rise in stress. */
  stressLoading: readonly [number, number, number];
}

export const DEFAULT_PARAMS: MarketParams = {
  logVarTarget: [Math.log(0.027 ** 2), Math.log(0.045 ** 2), Math.log(0.085 ** 2)],
  kappa: 0.06,
  volOfVol: 0.16,
  leverage: -0.35,
  jumpFeedback: 0.18,
  idioKappa: 0.03,
  idioVolOfVol: 0.06,
  drift: [0.0015, -0.0005, -0.012],
  jumpRate: [0.008, 0.025, 0.12],
  jumpDownProb: 0.65,
  jumpDownMean: 0.055,
  jumpUpMean: 0.045,
  idioJumpRate: 0.006,
  nu: 4,
  stressLoading: [1, 1.05, 1.12],
};
