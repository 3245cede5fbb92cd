/**
 * The order of work on a cold open. A notebook's first answers come first; what is not needed for them (starting
 * DuckDB-WASM, loading datasets into it, building code editors) waits until the notebook has settled, since on
 * two cores it would take one of them from the cells. Kept in a module of its own so that the boot script can
 * use it without evaluating the components that send the event.
 */

/** Sent (bubbling, from the notebook page) once every cell of the notebook shown has settled, ok or in error. */
export const NOTEBOOK_SETTLED = 'vol-notebook-settled';

/** How long a notebook page waits for its cells before starting the deferred work anyway. */
const NOTEBOOK_FALLBACK_MS = 8000;
/** Pages without a notebook start it after a moment, so that their own first paint comes first. */
const OTHER_PAGE_DELAY_MS = 1500;

let opened: Promise<void> | null = null;

function firstNotebookSettled(): Promise<void> {
  opened ??= new Promise<void>((resolve) => {
    addEventListener(NOTEBOOK_SETTLED, () => resolve(), { once: true });
    const onNotebook = location.pathname.startsWith('/notebooks/');
    setTimeout(resolve, onNotebook ? NOTEBOOK_FALLBACK_MS : OTHER_PAGE_DELAY_MS);
  });
  return opened;
}

/**
 * Run `job` once the page's first notebook has settled (or after a fallback delay); returns a cancel function.
 *
 * @example
 * afterFirstNotebook(() => warmUp());
 */
export function afterFirstNotebook(job: () => void): () => void {
  let cancelled = false;
  void firstNotebookSettled().then(() => {
    if (!cancelled) job();
  });
  return () => void (cancelled = true);
}
