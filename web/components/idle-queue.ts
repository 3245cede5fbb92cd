/**
 * Work that must not delay a notebook's first answers (building its code editors), run one job per idle
 * period of the main thread, in order, or after `deadlineMs` on a page that never idles.
 */
type Job = () => void;

const queue: Job[] = [];
let scheduled = false;

function drain(deadline: IdleDeadline): void {
  scheduled = false;
  // At least one job per callback, so a timed-out callback (no idle time left) still makes progress.
  do queue.shift()?.();
  while (queue.length > 0 && deadline.timeRemaining() > 10);
  schedule();
}

function schedule(deadlineMs = 3000): void {
  if (scheduled || queue.length === 0) return;
  scheduled = true;
  requestIdleCallback(drain, { timeout: deadlineMs });
}

/**
 * Run `job` when the page is idle; returns a cancel function (a job run already is not undone).
 *
 * @example
 * const cancel = whenIdle(() => buildEditor());
 */
export function whenIdle(job: Job): () => void {
  queue.push(job);
  schedule();
  return () => {
    const at = queue.indexOf(job);
    if (at >= 0) queue.splice(at, 1);
  };
}
