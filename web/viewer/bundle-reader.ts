/**
 * Where the viewer reads a pinned notebook from: files beside its page (a static export, a share link), or the
 * page itself when the export is a single HTML file (`<script type="application/json" id="vollab-bundle">`,
 * each file base64).
 */
import type { ExportManifest } from '../../server/contract';

export interface BundleReader {
  manifest(): Promise<ExportManifest>;
  text(path: string): Promise<string>;
  bytes(path: string): Promise<Uint8Array>;
}

/** The embedded bundle if the page has one, else files fetched relative to the page. */
export function pageBundle(): BundleReader {
  const embedded = document.getElementById('vollab-bundle');
  return embedded ? embeddedBundle(embedded.textContent ?? '{}') : fetchedBundle(document.baseURI);
}

function fetchedBundle(base: string): BundleReader {
  const get = async (path: string): Promise<Response> => {
    const response = await fetch(new URL(path, base));
    if (!response.ok) throw new Error(`${response.status} reading ${path}`);
    return response;
  };
  return {
    manifest: async () => (await (await get('manifest.json')).json()) as ExportManifest,
    text: async (path) => (await get(path)).text(),
    bytes: async (path) => new Uint8Array(await (await get(path)).arrayBuffer()),
  };
}

function embeddedBundle(json: string): BundleReader {
  const files = JSON.parse(json) as Record<string, string>;
  const bytes = async (path: string): Promise<Uint8Array> => {
    const base64 = files[path];
    if (base64 === undefined) throw new Error(`not in this file: ${path}`);
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  };
  const text = async (path: string) => new TextDecoder().decode(await bytes(path));
  return {
    manifest: async () => JSON.parse(await text('manifest.json')) as ExportManifest,
    text,
    bytes,
  };
}
