/** Where fitted models are kept: `VOLLAB_MODELS_DIR`, else `models/` beside the cache (`.vollab/models`). */
import { dirname, join, resolve } from 'node:path';

/**
 * @example
 * modelsDir({ cacheDir: '/srv/app/.vollab/cache' }, {}); // '/srv/app/.vollab/models'
 * modelsDir({ cacheDir: '/x' }, { VOLLAB_MODELS_DIR: '/data/models' }); // '/data/models'
 */
export function modelsDir(
  config: { cacheDir: string; modelsDir?: string },
  env: Record<string, string | undefined> = process.env,
): string {
  if (config.modelsDir) return config.modelsDir;
  const fromEnv = env.VOLLAB_MODELS_DIR?.trim();
  if (fromEnv) return resolve(fromEnv);
  return join(dirname(config.cacheDir), 'models');
}
