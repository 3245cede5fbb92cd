/// <reference lib="webworker" />
/**
 * Decodes Parquet to Arrow IPC off the main thread, so a large dataset does not freeze the page.
 * Protocol: `{id, url, init?}` in (init: a POST with a JSON body); `{id, ipc, rows}` (ipc transferred) or `{id, error}` out.
 */
import initParquet, { readParquet } from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

export interface ParquetRequest {
  id: number;
  url: string;
  init?: { method: 'POST'; headers: Record<string, string>; body: string };
}

export type ParquetResponse =
  { id: number; ipc: Uint8Array; bytes: number } | { id: number; error: string; status?: number };

let ready: Promise<unknown> | null = null;

self.onmessage = async (event: MessageEvent<ParquetRequest>) => {
  const { id, url, init } = event.data;
  try {
    ready ??= initParquet({ module_or_path: parquetWasmUrl });
    const [response] = await Promise.all([fetch(url, init), ready]);
    if (!response.ok) {
      const body = await response.text();
      let message = body;
      try {
        message = (JSON.parse(body) as { error?: { message?: string } }).error?.message ?? body;
      } catch {
        // Not JSON: the text itself is the message.
      }
      post({ id, error: `${response.status} ${message}`.trim(), status: response.status });
      return;
    }
    const parquet = new Uint8Array(await response.arrayBuffer());
    const ipc = readParquet(parquet).intoIPCStream();
    post({ id, ipc, bytes: parquet.byteLength }, [ipc.buffer]);
  } catch (error) {
    post({ id, error: error instanceof Error ? error.message : String(error) });
  }
};

function post(message: ParquetResponse, transfer: Transferable[] = []): void {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message, transfer);
}
