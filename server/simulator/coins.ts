/**
 * The simulated coin universe: real tickers with listing dates, rough price anchors and the factor loadings
 * that set their volatility and correlation with the market (23 real coins, 2021–2024: median correlation with BTC ≈ 0.6,
 * ETH ≈ 0.8, exchange tokens low; vol BTC 62%, ETH 80%, large caps 85–105%, small caps 110–150%).
 */
export const SECTORS = ['store', 'platform', 'defi', 'payments', 'exchange'] as const;
export type Sector = (typeof SECTORS)[number];

export interface CoinSpec {
  symbol: string;
  sector: Sector;
  /** First day with data (ISO date). */
  listed: string;
  /** Volatility relative to the market variance state (BTC ≈ 1). */
  volScale: number;
  /** Loading of the standardized shock on the market factor. */
  market: number;
  /** Loading on the coin's sector factor. */
  sectorLoading: number;
  /** Typical daily USD volume at the end of 2025. */
  volumeUsd: number;
  /** Price anchors `[ISO date, USD]`, first at listing, last at 2025-12-31; the path is bent through them. */
  anchors: readonly (readonly [string, number])[];
}

const coin = (
  symbol: string,
  sector: Sector,
  volScale: number,
  market: number,
  sectorLoading: number,
  volumeUsd: number,
  anchors: readonly (readonly [string, number])[],
): CoinSpec => ({
  symbol,
  sector,
  listed: anchors[0]![0],
  volScale,
  market,
  sectorLoading,
  volumeUsd,
  anchors,
});

/** BTC first and ETH second: the option chain and DVOL use these two. */
export const COINS: readonly CoinSpec[] = [
  coin('BTC', 'store', 1, 0.97, 0.1, 30e9, [
    ['2016-01-01', 430],
    ['2016-06-17', 750],
    ['2016-12-31', 960],
    ['2017-03-31', 1_070],
    ['2017-06-11', 2_950],
    ['2017-09-01', 4_900],
    ['2017-12-17', 18_000],
    ['2018-02-06', 7_000],
    ['2018-05-05', 9_700],
    ['2018-08-14', 6_200],
    ['2018-11-13', 6_300],
    ['2018-12-15', 3_900],
    ['2019-02-07', 3_750],
    ['2019-04-01', 4_100],
    ['2019-06-26', 12_500],
    ['2019-12-17', 6_700],
    ['2020-03-12', 7_900],
    ['2020-03-13', 4_970],
    ['2020-04-30', 8_600],
    ['2020-07-26', 9_900],
    ['2020-12-31', 29_000],
    ['2021-04-14', 63_000],
    ['2021-07-20', 30_000],
    ['2021-09-21', 41_000],
    ['2021-11-10', 67_000],
    ['2022-01-24', 36_000],
    ['2022-03-28', 47_000],
    ['2022-06-18', 19_500],
    ['2022-09-12', 22_000],
    ['2022-11-21', 16_000],
    ['2022-12-31', 16_500],
    ['2023-04-14', 30_500],
    ['2023-09-11', 25_000],
    ['2023-12-31', 42_000],
    ['2024-03-14', 72_000],
    ['2024-08-05', 54_000],
    ['2024-12-17', 105_000],
    ['2025-04-08', 77_000],
    ['2025-10-06', 123_000],
    ['2025-12-31', 90_000],
  ]),
  coin('ETH', 'platform', 1.3, 0.76, 0.35, 15e9, [
    ['2016-01-01', 0.95],
    ['2016-12-31', 8],
    ['2017-06-12', 390],
    ['2018-01-13', 1_350],
    ['2018-12-15', 85],
    ['2019-06-26', 330],
    ['2020-03-12', 195],
    ['2020-03-13', 112],
    ['2020-12-31', 740],
    ['2021-05-12', 4_100],
    ['2021-07-20', 1_800],
    ['2021-11-10', 4_700],
    ['2022-06-18', 1_000],
    ['2022-12-31', 1_200],
    ['2023-12-31', 2_300],
    ['2024-03-12', 4_000],
    ['2024-08-05', 2_450],
    ['2024-12-16', 4_000],
    ['2025-04-08', 1_450],
    ['2025-08-23', 4_800],
    ['2025-12-31', 3_000],
  ]),
  coin('XRP', 'payments', 1.45, 0.58, 0.45, 3e9, [
    ['2016-01-01', 0.006],
    ['2018-01-04', 3.1],
    ['2020-03-13', 0.14],
    ['2025-12-31', 1.9],
  ]),
  coin('LTC', 'store', 1.35, 0.64, 0.35, 6e8, [
    ['2016-01-01', 3.5],
    ['2017-12-19', 360],
    ['2020-03-13', 33],
    ['2025-12-31', 78],
  ]),
  coin('DOGE', 'store', 1.85, 0.51, 0.3, 1.5e9, [
    ['2016-01-01', 0.00015],
    ['2021-05-08', 0.68],
    ['2025-12-31', 0.13],
  ]),
  coin('XLM', 'payments', 1.45, 0.56, 0.45, 2e8, [
    ['2016-01-01', 0.0017],
    ['2018-01-04', 0.88],
    ['2025-12-31', 0.22],
  ]),
  coin('BNB', 'exchange', 1.15, 0.51, 0.15, 1.5e9, [
    ['2017-07-25', 0.11],
    ['2021-05-10', 650],
    ['2025-12-31', 860],
  ]),
  coin('BCH', 'store', 1.45, 0.62, 0.35, 4e8, [
    ['2017-08-01', 300],
    ['2017-12-20', 3_700],
    ['2025-12-31', 560],
  ]),
  coin('TRX', 'platform', 1.3, 0.51, 0.3, 6e8, [
    ['2017-09-13', 0.002],
    ['2025-12-31', 0.28],
  ]),
  coin('LINK', 'defi', 1.6, 0.59, 0.4, 5e8, [
    ['2017-09-20', 0.19],
    ['2021-05-10', 50],
    ['2025-12-31', 12.5],
  ]),
  coin('ADA', 'platform', 1.5, 0.6, 0.4, 6e8, [
    ['2017-10-01', 0.025],
    ['2021-09-02', 2.9],
    ['2025-12-31', 0.35],
  ]),
  coin('ATOM', 'platform', 1.6, 0.56, 0.4, 1.5e8, [
    ['2019-03-14', 7],
    ['2022-01-17', 42],
    ['2025-12-31', 2.1],
  ]),
  coin('MATIC', 'platform', 1.8, 0.54, 0.4, 2e8, [
    ['2019-04-28', 0.004],
    ['2021-12-27', 2.8],
    ['2025-12-31', 0.12],
  ]),
  coin('OKB', 'exchange', 1, 0.3, 0.2, 5e7, [
    ['2019-04-30', 1.2],
    ['2025-12-31', 105],
  ]),
  coin('LEO', 'exchange', 0.8, 0.09, 0.1, 5e6, [
    ['2019-05-20', 1.4],
    ['2025-12-31', 9.5],
  ]),
  coin('SOL', 'platform', 1.65, 0.59, 0.4, 4e9, [
    ['2020-04-10', 0.95],
    ['2021-11-06', 255],
    ['2022-12-29', 9.9],
    ['2025-12-31', 125],
  ]),
  coin('DOT', 'platform', 1.55, 0.6, 0.4, 2.5e8, [
    ['2020-08-20', 2.9],
    ['2021-11-04', 54],
    ['2025-12-31', 1.8],
  ]),
  coin('UNI', 'defi', 1.75, 0.58, 0.45, 2e8, [
    ['2020-09-17', 3],
    ['2021-05-03', 44],
    ['2025-12-31', 5.8],
  ]),
  coin('AVAX', 'platform', 1.75, 0.58, 0.4, 4e8, [
    ['2020-09-22', 4.5],
    ['2021-11-21', 145],
    ['2025-12-31', 12.5],
  ]),
  coin('AAVE', 'defi', 1.8, 0.56, 0.45, 2.5e8, [
    ['2020-10-02', 50],
    ['2021-05-18', 660],
    ['2025-12-31', 170],
  ]),
  coin('NEAR', 'platform', 1.85, 0.54, 0.4, 2e8, [
    ['2020-10-13', 1.2],
    ['2022-01-16', 20],
    ['2025-12-31', 1.55],
  ]),
  coin('FIL', 'defi', 1.9, 0.53, 0.35, 1.5e8, [
    ['2020-10-15', 60],
    ['2021-04-01', 230],
    ['2025-12-31', 1.3],
  ]),
];

/** Index of a symbol in `COINS`; throws for an unknown one. */
export function coinIndex(symbol: string): number {
  const i = COINS.findIndex((c) => c.symbol === symbol);
  if (i < 0) throw new RangeError(`invalid symbol: ${symbol}`);
  return i;
}
