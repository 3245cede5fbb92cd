/** The workbench's client of `/api/models`: fitted models saved as JSON on the sidecar. */
import type { ModelSummary } from '../../server/contract';
import { fetchJson, jsonBody } from './http';

export type { ModelSummary };

const base = '/api/models';
const url = (name: string): string => `${base}/${encodeURIComponent(name)}`;

export function listModels(): Promise<ModelSummary[]> {
  return fetchJson<ModelSummary[]>(base);
}

export function loadModel<T = unknown>(name: string): Promise<T> {
  return fetchJson<T>(url(name));
}

/**
 * Save a fit (anything with a `toJSON()`, sync or async, e.g. `fitHar(...)` or `fitNeural(...)`) or its JSON.
 *
 * @example
 * await saveModel('btc-har', vol.forecast.fitHar(rv, { log: true }));
 */
export async function saveModel(name: string, model: unknown): Promise<ModelSummary> {
  const toJSON = (model as { toJSON?: unknown } | null)?.toJSON;
  const json: unknown = typeof toJSON === 'function' ? await toJSON.call(model) : model;
  return fetchJson<ModelSummary>(url(name), { method: 'PUT', ...jsonBody(json) });
}

export async function removeModel(name: string): Promise<void> {
  await fetchJson(url(name), { method: 'DELETE' });
}
