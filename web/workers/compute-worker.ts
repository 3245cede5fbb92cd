/// <reference lib="webworker" />
/**
 * The compute worker: runs registry tasks (`tasks.ts`) for the pool. tfjs is loaded only by the tasks that
 * need it (wasm backend, cpu fallback).
 */
import { loadTf } from '../runtime/tf';
import { createTaskHandler } from './handler';
import type { ToWorker } from './protocol';
import { createRegistry } from './tasks';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createTaskHandler(createRegistry({ loadTf }), (message, transfer) =>
  scope.postMessage(message, transfer),
);
scope.onmessage = (event: MessageEvent<ToWorker>) => handle(event.data);
