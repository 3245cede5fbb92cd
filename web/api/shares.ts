/** The workbench's client of `/api/shares`: pin a snapshot, list them, revoke one. */
import type { CreateShareRequest, ShareSummary } from '../../server/contract';
import { fetchJson, jsonBody } from './http';

export type { ShareSummary };

/**
 * Pin the notebook at `path` with the given input values; resolves to its id and `/s/<id>/` link.
 *
 * @example
 * const { url } = await createShare('regime-study.md', { states: 4 });
 */
export function createShare(
  path: string,
  inputs: Record<string, unknown>,
): Promise<{ id: string; url: string }> {
  const request: CreateShareRequest = { path, inputs };
  return fetchJson('/api/shares', { method: 'POST', ...jsonBody(request) });
}

export async function listShares(): Promise<ShareSummary[]> {
  return (await fetchJson<{ shares: ShareSummary[] }>('/api/shares')).shares;
}

export async function revokeShare(id: string): Promise<void> {
  await fetchJson<unknown>(`/api/shares/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
