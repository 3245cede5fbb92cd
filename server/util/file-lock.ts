/**
 * A lock between processes: a file created with O_EXCL (`wx`) holding the owner's pid and a nonce. Node has no
 * flock, so a holder killed with SIGKILL cannot remove its file; a lock whose pid is dead (or is this process's
 * pid without being one of this process's locks, as after a restart in a container that reuses the pid) is
 * stale and is taken over. The takeover renames the stale file aside first, so two processes that both saw it
 * stale cannot both win.
 */
import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { isErrno } from '../http/errors';
import { isProcessAlive } from './process-alive';

export interface FileLock {
  readonly path: string;
  release(): Promise<void>;
}

export interface LockOptions {
  /** How long to wait for a live holder (0: fail at once). Default 10 s. */
  timeoutMs?: number;
}

/** Thrown when a live process holds the lock past the timeout. */
export class LockHeldError extends Error {
  constructor(
    readonly path: string,
    readonly holderPid: number | null,
  ) {
    super(`locked by ${holderPid === null ? 'another process' : `process ${holderPid}`}`);
    this.name = 'LockHeldError';
  }
}

interface Holder {
  pid: number;
  nonce: string;
}

/** The nonces of locks this process holds now. */
const held = new Set<string>();
/** A lock file still empty after this long belongs to a writer that died between create and write. */
const EMPTY_GRACE_MS = 5_000;

/**
 * @example
 * const lock = await acquireFileLock('notebooks/.vollab-sidecar.lock', { timeoutMs: 0 });
 * try { … } finally { await lock.release(); }
 */
export async function acquireFileLock(path: string, options: LockOptions = {}): Promise<FileLock> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  const nonce = randomBytes(8).toString('hex');
  for (let attempt = 0; ; attempt++) {
    if (await tryCreate(path, nonce)) {
      held.add(nonce);
      return { path, release: () => release(path, nonce) };
    }
    const holder = await readHolder(path);
    if (holder === 'gone') continue;
    if (await isStale(path, holder)) {
      await takeOver(path, holder);
      continue;
    }
    if (Date.now() >= deadline) throw new LockHeldError(path, holder?.pid ?? null);
    await new Promise((r) => setTimeout(r, Math.min(50, 2 + attempt) * (0.5 + Math.random())));
  }
}

/**
 * Run `fn` while holding the lock at `path`.
 *
 * @example
 * await withFileLock(join(root, '.save.lock'), () => compareAndWrite());
 */
export async function withFileLock<T>(
  path: string,
  fn: () => Promise<T>,
  options?: LockOptions,
): Promise<T> {
  const lock = await acquireFileLock(path, options);
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}

async function tryCreate(path: string, nonce: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw error;
  }
  try {
    await handle.writeFile(`${JSON.stringify({ pid: process.pid, nonce })}\n`);
  } finally {
    await handle.close();
  }
  return true;
}

async function readHolder(path: string): Promise<Holder | null | 'gone'> {
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    if (isErrno(error, 'ENOENT')) return 'gone' as const;
    throw error;
  });
  if (text === 'gone') return text;
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    if (typeof value.pid === 'number' && typeof value.nonce === 'string') return value as Holder;
  } catch {
    // Empty or half-written: judged by age below.
  }
  return null;
}

async function isStale(path: string, holder: Holder | null): Promise<boolean> {
  if (holder === null) {
    const info = await stat(path).catch(() => null);
    return info !== null && Date.now() - info.mtimeMs > EMPTY_GRACE_MS;
  }
  if (holder.pid === process.pid) return !held.has(holder.nonce);
  return !isProcessAlive(holder.pid);
}

/** Move the stale file aside; if what moved is not the file judged stale (it was replaced), put it back. */
async function takeOver(path: string, stale: Holder | null): Promise<void> {
  const aside = `${path}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await rename(path, aside);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return;
    throw error;
  }
  const moved = await readHolder(aside);
  const same = moved === 'gone' || moved?.nonce === stale?.nonce;
  if (!same) await link(aside, path).catch(() => undefined); // no clobber: a newer lock wins
  await rm(aside, { force: true });
}

async function release(path: string, nonce: string): Promise<void> {
  if (!held.has(nonce)) return;
  // Still counted as held while removing, so no lock in this process takes the file over meanwhile.
  const holder = await readHolder(path).catch(() => null);
  if (holder !== null && holder !== 'gone' && holder.nonce === nonce)
    await rm(path, { force: true });
  held.delete(nonce);
}
