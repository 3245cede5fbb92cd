/** The narrowest the docked live panel gets: one chart still fits. */
export const MIN_DOCK_WIDTH = 320;

/**
 * A stored or dragged width, clamped to what fits: at least `MIN_DOCK_WIDTH`, at most 80% of the window; 40% of
 * the window when nothing usable was stored.
 *
 * @example
 * clampDockWidth(Number(localStorage.getItem('vol-live-dock-width')), innerWidth);
 */
export function clampDockWidth(width: number, windowWidth: number): number {
  const w = Number.isFinite(width) && width > 0 ? width : Math.round(windowWidth * 0.4);
  const max = Math.max(MIN_DOCK_WIDTH, windowWidth * 0.8);
  return Math.round(Math.min(Math.max(w, MIN_DOCK_WIDTH), max));
}
