/**
 * Printing a deck (`?present&print`, `npm run export -- … --pdf`): one slide per 16:9 page. Each slide starts a
 * page (`break-before` in the print styles); a slide taller than the page is scaled down as a whole (CSS
 * `zoom` on its rows, which shrinks their layout box too, so the next slide still starts the next page)
 * instead of running over onto a second page. Measured in the print layout: call it from `beforeprint`.
 */

/** Room left at the foot of a page for rounding and the last cell's margin. */
const SLACK = 16;

/**
 * Scale every slide's rows under `root` so the slide fits a page `pageHeight` pixels tall; returns the factor
 * applied to each slide (1 where it already fits), by slide index.
 *
 * @example
 * addEventListener('beforeprint', () => fitSlidesToPages(page, (innerWidth * 9) / 16));
 */
export function fitSlidesToPages(root: ParentNode, pageHeight: number): Map<number, number> {
  const rows = [...root.querySelectorAll<HTMLElement>('.deck-cell[data-slide-index]')];
  for (const row of rows) row.style.removeProperty('zoom');
  const slides = new Map<number, HTMLElement[]>();
  for (const row of rows) {
    if (row.hidden) continue;
    const index = Number(row.dataset.slideIndex);
    slides.set(index, [...(slides.get(index) ?? []), row]);
  }
  const factors = new Map<number, number>();
  for (const [index, slideRows] of slides) {
    const boxes = slideRows.map((row) => row.getBoundingClientRect());
    const height = Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top));
    const factor = Math.min(1, (pageHeight - SLACK) / Math.max(1, height));
    factors.set(index, factor);
    if (factor < 1) for (const row of slideRows) row.style.setProperty('zoom', factor.toFixed(4));
  }
  return factors;
}
