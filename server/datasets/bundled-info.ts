/** Titles, descriptions and time columns of the bundled simulated datasets (the catalog's prose). */
export interface DatasetInfo {
  title: string;
  description: string;
  timeColumn: string | null;
}

const SIM = 'Simulated (Vol Lab market model, seeded): looks like crypto markets, is not market data.';

export const BUNDLED_INFO: Readonly<Record<string, DatasetInfo>> = {
  ohlcv_daily: {
    title: 'Daily OHLCV, 22 coins (simulated)',
    description: `Daily bars 2016–2025 for BTC, ETH and 20 other coins from their listing day; volume in USD. Aggregates of the hourly path. ${SIM}`,
    timeColumn: 'date',
  },
  ohlcv_hourly: {
    title: 'Hourly OHLCV, BTC and ETH (simulated)',
    description: `Hourly bars 2024–2025, the same path as ohlcv_daily (hourly aggregated to daily equals the daily rows). ${SIM}`,
    timeColumn: 'ts',
  },
  regime_labels: {
    title: 'Hidden market regimes (simulated ground truth)',
    description: `The regime chain behind the simulation, per day: 0 calm, 1 turbulent, 2 crash (the most severe regime of the day). ${SIM}`,
    timeColumn: 'date',
  },
  jump_events: {
    title: 'Price jumps (simulated ground truth)',
    description: `Every jump in log price of a listed coin: market-wide or coin-specific, with its hour. ${SIM}`,
    timeColumn: 'ts',
  },
  dvol_daily: {
    title: 'DVOL-like 30-day implied vol index, daily (simulated)',
    description: `30-day ATM implied vol of BTC and ETH in vol points, daily OHLC 2016–2025, like Deribit's DVOL. ${SIM}`,
    timeColumn: 'date',
  },
  dvol_hourly: {
    title: 'DVOL-like 30-day implied vol index, hourly (simulated)',
    description: `Hourly OHLC of the 30-day ATM implied vol, BTC and ETH, 2024–2025. ${SIM}`,
    timeColumn: 'ts',
  },
  option_chain: {
    title: 'Option chains, BTC and ETH, daily 08:00 UTC (simulated)',
    description: `Deribit-shaped chain snapshots 2024–2025: expiries, strikes, mark/bid/ask IV, prices in coin, Greeks in Deribit units, open interest and volume. Smile from an arbitrage-free SSVI surface. ${SIM}`,
    timeColumn: 'timestamp',
  },
};
