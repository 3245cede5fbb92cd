/**
 * The `models` builtin headless: the same calls as the browser's (`web/api/models.ts`), on the model store
 * folder itself instead of the sidecar's `/api/models`.
 */
import type { ModelSummary } from '../contract/models';
import { createModelStore } from '../models/store';

export interface ModelsBuiltin {
  save(name: string, model: unknown): Promise<ModelSummary>;
  load<T = unknown>(name: string): Promise<T>;
  list(): Promise<ModelSummary[]>;
  remove(name: string): Promise<void>;
}

/**
 * @example
 * const models = diskModels('.vollab/models');
 * await models.save('btc-har', vol.forecast.fitHar(rv));
 */
export function diskModels(root: string): ModelsBuiltin {
  const store = createModelStore(root);
  return {
    async save(name, model) {
      const toJSON = (model as { toJSON?: unknown } | null)?.toJSON;
      const json: unknown = typeof toJSON === 'function' ? await toJSON.call(model) : model;
      const { created: _created, ...summary } = await store.write(name, JSON.stringify(json));
      return summary;
    },
    async load<T>(name: string) {
      return JSON.parse((await store.read(name)).text) as T;
    },
    list: () => store.list(),
    remove: (name) => store.remove(name),
  };
}
