/**
 * One sidecar per folder it writes: a second one on the same notebooks folder would interleave saves with
 * the first (each checks its If-Match, then both write), and two snapshot schedulers on one datasets folder
 * would merge the same partitions. A lock file with the owner's pid marks the folder taken; a holder killed
 * with SIGKILL leaves a file whose pid is dead, which the next start takes over.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { acquireFileLock, LockHeldError, type FileLock } from './file-lock';

/** The lock file a running sidecar holds in each folder it writes. */
export const SIDECAR_LOCK = '.vollab-sidecar.lock';

export interface ClaimedFolders {
  release(): Promise<void>;
}

/**
 * Claim `folders` (name → path; the name appears in the message) for this process, or throw a message that
 * says which folder, which process, and what to do.
 *
 * @example
 * const claim = await claimFolders({ 'notebooks folder (VOLLAB_NOTEBOOKS_DIR)': './notebooks' });
 * await claim.release();
 */
export async function claimFolders(folders: Record<string, string>): Promise<ClaimedFolders> {
  const held: FileLock[] = [];
  const release = async () => {
    for (const lock of held.splice(0).reverse()) await lock.release();
  };
  try {
    for (const dir of Object.values(folders)) {
      await mkdir(dir, { recursive: true });
      held.push(await acquireFileLock(join(dir, SIDECAR_LOCK), { timeoutMs: 0 }));
    }
  } catch (error) {
    const [name, dir] = Object.entries(folders)[held.length]!;
    await release();
    if (!(error instanceof LockHeldError)) throw error;
    const who =
      error.holderPid === null ? 'Another Vol Lab' : `Another Vol Lab (pid ${error.holderPid})`;
    throw new Error(
      `${who} is already using the ${name} ${dir}. Stop it first, or point this one at another folder.`,
    );
  }
  return { release };
}
