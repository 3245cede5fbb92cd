import { describe, expect, it } from 'vitest';
import { modelsDir } from '../../../server/models/dir';

describe('modelsDir', () => {
  it('defaults to models/ beside the cache folder, i.e. .vollab/models', () => {
    expect(modelsDir({ cacheDir: '/srv/app/.vollab/cache' }, {})).toBe('/srv/app/.vollab/models');
  });

  it('prefers an explicit config value, then VOLLAB_MODELS_DIR', () => {
    const env = { VOLLAB_MODELS_DIR: '/data/models' };
    expect(modelsDir({ cacheDir: '/x/cache' }, env)).toBe('/data/models');
    expect(modelsDir({ cacheDir: '/x/cache', modelsDir: '/y' }, env)).toBe('/y');
    expect(modelsDir({ cacheDir: '/x/cache' }, { VOLLAB_MODELS_DIR: ' ' })).toBe('/x/models');
  });
});
