/** The workbench's client of `/api/exports`: a notebook's single-file export, saved by the browser. */
import type { ApiErrorBody } from '../../server/contract';
import { ApiError, jsonBody } from './http';

/**
 * Ask the sidecar for the single-file export of `path` with these inputs and hand it to the browser as a
 * download. Resolves to the number of cells that were exported in error.
 *
 * @example
 * const failed = await downloadExport('regime-study.md', { states: 4 });
 */
export async function downloadExport(
  path: string,
  inputs: Record<string, unknown>,
): Promise<number> {
  const response = await fetch('/api/exports', {
    method: 'POST',
    ...jsonBody({ path, inputs }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as Partial<ApiErrorBody> | null;
    throw new ApiError(body?.error?.message ?? `${response.status}`, response.status, body);
  }
  const blob = await response.blob();
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name ?? 'notebook.html';
  link.click();
  // The click has started the download; the URL can go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  return Number(response.headers.get('x-vollab-cells-in-error') ?? 0);
}
