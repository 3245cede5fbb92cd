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
      source: 'simulated',
      maxBodyBytes: 5 * 1024 * 1024,
    });
    expect(config.token).toBeUndefined();
    expect(config.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('reads the environment', () => {
    const config = loadConfig(
      {
        PORT: '0',
        HOST: '::1',
        VOLLAB_DATA_DIR: '/data',
        VOLLAB_NOTEBOOKS_DIR: 'nb',
        VOLLAB_SOURCE: 'deribit',
      },
      '/srv',
    );
    expect(config).toMatchObject({
      port: 0,
      host: '::1',
      datasetsDir: '/data',
      notebooksDir: '/srv/nb',
      source: 'deribit',
    });
  });

  it('refuses a non-loopback host without a token, and bad values with clear messages', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(
      'HOST 0.0.0.0 is not loopback: set VOLLAB_TOKEN',
    );
    expect(loadConfig({ HOST: '0.0.0.0', VOLLAB_TOKEN: 'a'.repeat(16) }).token).toBe(
      'a'.repeat(16),
    );
    expect(() => loadConfig({ VOLLAB_TOKEN: 'short' })).toThrow('invalid VOLLAB_TOKEN');
    expect(() => loadConfig({ PORT: '80a' })).toThrow('invalid PORT: 80a');
    expect(() => loadConfig({ PORT: '70000' })).toThrow('invalid PORT: 70000');
    expect(() => loadConfig({ VOLLAB_SOURCE: 'binance' })).toThrow(
      'invalid VOLLAB_SOURCE: binance',
    );
  });

  it('knows loopback hosts', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '192.168.1.2', '::', 'example.com'].some(isLoopback)).toBe(false);
  });
});
