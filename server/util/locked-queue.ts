/**
 * A serial queue that also holds a lock file while each task runs: one task at a time in this process (no
 * busy-waiting on the file between requests of one sidecar), and one at a time across every process that
 * uses the same lock file (two sidecars on one folder, a CLI beside a sidecar).
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { httpError } from '../http/errors';
import { LockHeldError, withFileLock, type LockOptions } from './file-lock';
import { createSerialQueue, type SerialQueue } from './serial-queue';

/**
 * A held lock past the timeout becomes a 503 (the folder is busy), without the lock's path.
 *
 * @example
 * const serialize = createLockedQueue(join(root, '.vollab-save.lock'));
 * await serialize(async () => compareAndWrite());
 */
export function createLockedQueue(lockFile: string, options?: LockOptions): SerialQueue {
  const queue = createSerialQueue();
  return (fn) =>
    queue(async () => {
      await mkdir(dirname(lockFile), { recursive: true });
      return withFileLock(lockFile, fn, options).catch((error: unknown) => {
        if (error instanceof LockHeldError)
          throw httpError(503, 'busy: another process holds the lock for this folder; try again');
        throw error;
      });
    });
}
