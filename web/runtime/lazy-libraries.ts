/**
 * The notebook builtins too big to evaluate before a first visit's SQL goes out: Observable Plot and arquero,
 * each its own chunk, loaded once, on first read by a cell or when the page is idle (`prefetchLibraries`).
 */
type PlotModule = typeof import('@observablehq/plot');
type ArqueroModule = typeof import('arquero');

let plot: Promise<PlotModule> | null = null;
let arquero: Promise<ArqueroModule> | null = null;

/**
 * @example
 * const Plot = await loadPlot();
 */
export function loadPlot(): Promise<PlotModule> {
  plot ??= import('@observablehq/plot');
  return plot;
}

/**
 * @example
 * const aq = await loadArquero();
 */
export function loadArquero(): Promise<ArqueroModule> {
  arquero ??= import('arquero');
  return arquero;
}

/** The lazy builtins by the names cells read them. */
export const lazyLibraries: Record<'Plot' | 'aq', () => Promise<unknown>> = {
  Plot: loadPlot,
  aq: loadArquero,
};

/**
 * Load Plot ahead of the first chart (nearly every notebook draws one): failures surface on the cell that reads it.
 *
 * @example
 * whenIdle(prefetchLibraries);
 */
export function prefetchLibraries(): void {
  loadPlot().catch(() => (plot = null));
}
