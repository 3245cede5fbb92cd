/** The main thread's side of the Parquet worker: fetch a Parquet URL, receive Arrow IPC bytes. */
import { DatasetLoadError } from './dataset-source';
import type { ParquetRequest, ParquetResponse } from './parquet-worker';
import ParquetWorker from './parquet-worker?worker';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<
  number,
  { resolve: (ipc: Uint8Array) => void; reject: (e: Error) => void }
>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new ParquetWorker();
  worker.onmessage = (event: MessageEvent<ParquetResponse>) => {
    const message = event.data;
    const request = pending.get(message.id);
    if (!request) return;
    pending.delete(message.id);
    if ('error' in message) request.reject(new DatasetLoadError(message.error, message.status));
    else request.resolve(message.ipc);
  };
  return worker;
}

/**
 * Fetch (a GET, or the POST `init` describes) and decode a Parquet file in the worker; resolves to Arrow IPC
 * stream bytes.
 */
export function fetchParquetAsIpc(url: string, init?: ParquetRequest['init']): Promise<Uint8Array> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const request: ParquetRequest = { id, url: new URL(url, location.href).href };
    if (init) request.init = init;
    getWorker().postMessage(request);
  });
}
