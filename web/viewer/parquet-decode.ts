/**
 * Parquet to Arrow IPC on the page's own thread with parquet-wasm: an export's slices are small, and a
 * single-file export opened from `file://` cannot start module workers from files.
 */
import initParquet, { readParquet } from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

let ready: Promise<unknown> | null = null;

export async function parquetToIpc(parquet: Uint8Array): Promise<Uint8Array> {
  ready ??= initParquet({ module_or_path: parquetWasmUrl });
  await ready;
  return readParquet(parquet).intoIPCStream();
}
