import { describe, expect, it } from 'vitest';
import { isLoopback, loadConfig } from '../../../server/config';

describe('loadConfig', () => {
  it('defaults to loopback:8787, ./datasets, ./notebooks, simulated, 5 MiB bodies', () => {
    const config = loadConfig({}, '/srv/vollab');
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8787,
      datasetsDir: '/srv/vollab/datasets',
      notebooksDir: '/srv/vollab/notebooks',
      webDistDir: '/srv/vollab/web/dist',
      cacheDir: '/srv/vollab/.vollab/cache',
      modelsDir: '/srv/vollab/.vollab/models',
      source: 'simulated',
      maxBodyBytes: 5 * 1024 * 1024,
    });
    // No VOLLAB_TOKEN: a fresh URL-safe token of 32 random bytes per start, and only loopback names allowed.
    expect(config.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(config.tokenGenerated).toBe(true);
    expect(loadConfig({}, '/srv/vollab').token).not.toBe(config.token);
    expect(config.allowedHosts).toEqual(['127.0.0.1', 'localhost', '[::1]']);
    expect(config.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('puts models beside the cache folder unless VOLLAB_MODELS_DIR names one', () => {
    expect(loadConfig({ VOLLAB_CACHE_DIR: '/x/cache' }, '/srv').modelsDir).toBe('/x/models');
    expect(loadConfig({ VOLLAB_MODELS_DIR: '/data/models' }, '/srv').modelsDir).toBe(
      '/data/models',
    );
    expect(loadConfig({ VOLLAB_MODELS_DIR: 'm' }, '/srv').modelsDir).toBe('/srv/m');
    expect(loadConfig({ VOLLAB_MODELS_DIR: ' ', VOLLAB_CACHE_DIR: '/x/c' }).modelsDir).toBe(
      '/x/models',
    );
  });

  it('reads the environment', () => {
    const config = loadConfig(
      {
        PORT: '0',
        HOST: '::1',
        VOLLAB_DATA_DIR: '/data',
        VOLLAB_NOTEBOOKS_DIR: 'nb',
        VOLLAB_SOURCE: 'live',
      },
      '/srv',
    );
    expect(config).toMatchObject({
      port: 0,
      host: '::1',
      datasetsDir: '/data',
      notebooksDir: '/srv/nb',
      source: 'live',
      simulatedExchange: false,
    });
  });

  it('runs the simulated exchange by default and sets no upstream URL (the exchange supplies them)', () => {
    const config = loadConfig({});
    expect(config.source).toBe('simulated');
    expect(config.simulatedExchange).toBe(true);
    expect(config.deribitUrl).toBeUndefined();
    expect(config.polymarketGammaUrl).toBeUndefined();
    expect(config.snapshotIntervals).toEqual({});
    expect(config.snapshotCurrencies).toEqual(['BTC', 'ETH']);
  });

  it('points live at the real public hosts unless DERIBIT_URL / POLYMARKET_*_URL override them', () => {
    expect(loadConfig({ VOLLAB_SOURCE: 'live' })).toMatchObject({
      deribitUrl: 'https://www.deribit.com',
      polymarketGammaUrl: 'https://gamma-api.polymarket.com',
      polymarketClobUrl: 'https://clob.polymarket.com',
    });
    expect(
      loadConfig({
        VOLLAB_SOURCE: 'live',
        DERIBIT_URL: 'https://test.deribit.com/',
        POLYMARKET_CLOB_URL: 'http://127.0.0.1:9000',
      }),
    ).toMatchObject({
      deribitUrl: 'https://test.deribit.com',
      polymarketGammaUrl: 'https://gamma-api.polymarket.com',
      polymarketClobUrl: 'http://127.0.0.1:9000',
    });
  });

  it('rejects bad upstream URLs, URLs the simulated source would ignore, and bad snapshot settings', () => {
    expect(() => loadConfig({ VOLLAB_SOURCE: 'live', DERIBIT_URL: 'ftp://x' })).toThrow(
      'invalid DERIBIT_URL: ftp://x (expected an http(s) URL)',
    );
    expect(() => loadConfig({ VOLLAB_SOURCE: 'live', POLYMARKET_GAMMA_URL: 'not a url' })).toThrow(
      'invalid POLYMARKET_GAMMA_URL',
    );
    expect(() => loadConfig({ DERIBIT_URL: 'https://www.deribit.com' })).toThrow(
      'DERIBIT_URL is only used with VOLLAB_SOURCE=live',
    );
    expect(loadConfig({ VOLLAB_SNAPSHOTS: 'trades=60,chain=300' }).snapshotIntervals).toEqual({
      trades: 60,
      chain: 300,
    });
    expect(Object.keys(loadConfig({ VOLLAB_SNAPSHOTS: 'on' }).snapshotIntervals)).toEqual([
      'chain',
      'trades',
      'ohlcv',
      'dvol',
      'polymarket',
    ]);
    expect(() => loadConfig({ VOLLAB_SNAPSHOTS: 'ticks=60' })).toThrow('invalid kind: ticks');
    expect(() => loadConfig({ VOLLAB_SNAPSHOTS: 'trades=1' })).toThrow(
      'invalid interval for trades: 1',
    );
    expect(() => loadConfig({ VOLLAB_SNAPSHOT_CURRENCIES: 'BTC,b$d' })).toThrow(
      'invalid VOLLAB_SNAPSHOT_CURRENCIES: B$D',
    );
  });

  it('refuses a non-loopback host without a token, and bad values with clear messages', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(
      'HOST 0.0.0.0 is not loopback: set VOLLAB_TOKEN',
    );
    expect(loadConfig({ HOST: '0.0.0.0', VOLLAB_TOKEN: 'a'.repeat(16) }).token).toBe(
      'a'.repeat(16),
    );
    expect(() => loadConfig({ VOLLAB_TOKEN: 'short' })).toThrow('invalid VOLLAB_TOKEN');
    expect(() => loadConfig({ VOLLAB_TOKEN: 'sixteen chars or more' })).toThrow(
      'invalid VOLLAB_TOKEN',
    );
    expect(loadConfig({ VOLLAB_TOKEN: 'a'.repeat(16) }).tokenGenerated).toBe(false);
    expect(
      loadConfig({ HOST: '::1', VOLLAB_ALLOWED_HOSTS: ' lab.example.com, 10.0.0.5 ,fe80::1' })
        .allowedHosts,
    ).toEqual(['127.0.0.1', 'localhost', '[::1]', 'lab.example.com', '10.0.0.5', '[fe80::1]']);
    expect(
      loadConfig({ HOST: '0.0.0.0', VOLLAB_TOKEN: 'a'.repeat(16) }).allowedHosts,
    ).not.toContain('0.0.0.0');
    expect(() => loadConfig({ VOLLAB_ALLOWED_HOSTS: 'lab.example.com:8787' })).toThrow(
      'invalid VOLLAB_ALLOWED_HOSTS: lab.example.com:8787 (expected host names without ports)',
    );
    expect(() => loadConfig({ PORT: '80a' })).toThrow('invalid PORT: 80a');
    expect(() => loadConfig({ PORT: '70000' })).toThrow('invalid PORT: 70000');
    expect(() => loadConfig({ VOLLAB_SOURCE: 'binance' })).toThrow(
      'invalid VOLLAB_SOURCE: binance (expected simulated, live)',
    );
  });

  it('keeps .trash/ and .conflicts/ for 30 days and 500 files unless configured', () => {
    expect(loadConfig({}).trashRetention).toEqual({ maxAgeDays: 30, maxFiles: 500 });
    expect(loadConfig({ VOLLAB_TRASH_DAYS: '7', VOLLAB_TRASH_FILES: '20' }).trashRetention).toEqual(
      { maxAgeDays: 7, maxFiles: 20 },
    );
    expect(() => loadConfig({ VOLLAB_TRASH_DAYS: '0' })).toThrow('invalid VOLLAB_TRASH_DAYS: 0');
  });

  it('bounds slice work and the proxy cache: defaults, overrides and bad values', () => {
    expect(loadConfig({})).toMatchObject({
      sliceConcurrency: 2,
      sliceQueue: 8,
      proxyCacheBytes: 64 * 1024 * 1024,
    });
    expect(
      loadConfig({
        VOLLAB_SLICE_CONCURRENCY: '3',
        VOLLAB_SLICE_QUEUE: '0',
        VOLLAB_PROXY_CACHE_BYTES: '1000000',
      }),
    ).toMatchObject({ sliceConcurrency: 3, sliceQueue: 0, proxyCacheBytes: 1_000_000 });
    expect(() => loadConfig({ VOLLAB_SLICE_CONCURRENCY: '0' })).toThrow(
      'invalid VOLLAB_SLICE_CONCURRENCY: 0 (expected an integer in [1, 64])',
    );
    expect(() => loadConfig({ VOLLAB_PROXY_CACHE_BYTES: '1e3x' })).toThrow(
      'invalid VOLLAB_PROXY_CACHE_BYTES',
    );
  });

  it('knows loopback hosts', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '192.168.1.2', '::', 'example.com'].some(isLoopback)).toBe(false);
  });
});
