/**
 * The worker side of the protocol, independent of the worker global (so it runs in tests): one
 * AbortController per running task, throttled progress, results posted with their typed arrays transferred.
 */
import type { TaskContext, TaskRegistry } from './context';
import {
  abortError,
  serializeError,
  transferables,
  type FromWorker,
  type ToWorker,
} from './protocol';

/** At most one progress message per this many ms per task (plus the last one, and label changes). */
const PROGRESS_MS = 30;

export type Post = (message: FromWorker, transfer: Transferable[]) => void;

/**
 * Resolve on a later task of the event loop. A MessageChannel message is not clamped like a nested
 * `setTimeout(0)` (4 ms after five levels), and messages already queued (an `abort`) are handled first.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * @example
 * const handle = createTaskHandler(createRegistry({ loadTf }), (m, t) => self.postMessage(m, t));
 * self.onmessage = (event) => handle(event.data);
 */
export function createTaskHandler(registry: TaskRegistry, post: Post): (message: ToWorker) => void {
  const running = new Map<number, AbortController>();

  async function run(id: number, task: string, args: unknown[]): Promise<void> {
    const controller = new AbortController();
    running.set(id, controller);
    const { signal } = controller;
    let last = -Infinity;
    let lastLabel: string | undefined;
    const context: TaskContext = {
      signal,
      progress(fraction, label = task) {
        const now = performance.now();
        if (now - last < PROGRESS_MS && fraction !== 1 && label === lastLabel) return;
        last = now;
        lastLabel = label;
        post({ type: 'progress', id, fraction, label }, []);
      },
      async yield() {
        await yieldToEventLoop();
        signal.throwIfAborted();
      },
    };
    try {
      const fn = registry[task];
      if (!fn) throw new RangeError(`unknown task: ${task}`);
      const value = await fn(args, context);
      post({ type: 'done', id, value }, transferables(value));
    } catch (error) {
      post({ type: 'error', id, error: serializeError(error) }, []);
    } finally {
      running.delete(id);
    }
  }

  return (message) => {
    if (message.type === 'abort') running.get(message.id)?.abort(abortError());
    else void run(message.id, message.task, message.args);
  };
}
