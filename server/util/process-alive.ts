/** Whether a process id names a running process on this machine. */

/**
 * Signal 0 checks existence and permission without delivering anything: ESRCH means gone, EPERM means it
 * exists under another user.
 *
 * @example
 * isProcessAlive(process.pid); // true
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
