/**
 * A compute worker in this process: the real task handler behind a message boundary (structured clone with
 * transfer, delivered on a later macrotask), so the pool and the registry are tested without browsers.
 */
import type { TaskRegistry } from '../../../web/workers/context';
import { createTaskHandler } from '../../../web/workers/handler';
import type { WorkerLike } from '../../../web/workers/pool';
import type { FromWorker, ToWorker } from '../../../web/workers/protocol';

export class InProcessWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly received: ToWorker[] = [];
  private readonly handle: (message: ToWorker) => void;

  constructor(registry: TaskRegistry) {
    this.handle = createTaskHandler(registry, (message, transfer) => {
      if (this.terminated) return;
      const data = structuredClone(message, { transfer });
      setImmediate(() => {
        if (!this.terminated) this.onmessage?.({ data } as MessageEvent<FromWorker>);
      });
    });
  }

  postMessage(message: ToWorker, transfer: Transferable[] = []): void {
    const data = structuredClone(message, { transfer: transfer as Transferable[] });
    setImmediate(() => {
      if (this.terminated) return;
      this.received.push(data);
      this.handle(data);
    });
  }

  terminate(): void {
    this.terminated = true;
  }
}
