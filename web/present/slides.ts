/**
 * A notebook cut into slides for presentation mode: by its `---` lines when it has any, else one slide per
 * top-level heading. A slide is made of whole cells (the live elements are shown and hidden, never split), so a
 * heading in the middle of a prose block does not cut it. Pure: it reads the parsed cells, never the DOM.
 */
import type { Cell } from '../notebook/types';
import { isNotesCell, notesOf } from './notes';

export interface Slide {
  /** Ids of the cells shown on this slide, in order (breaks excluded). */
  cellIds: string[];
  /** The slide's first heading, else `Slide <n>`. */
  title: string;
  /** Its speaker notes (`<!-- notes: … -->` in its prose, ```` ```notes ```` blocks), in order. */
  notes: string[];
}

type SlideCell = Pick<Cell, 'id' | 'kind' | 'source' | 'slide'> & { fence?: Cell['fence'] };

const HEADING = /^(#{1,6})[ \t]+(.+?)[ \t#]*$/gm;

function headings(source: string): { level: number; text: string }[] {
  return [...source.matchAll(HEADING)].map((m) => ({ level: m[1]!.length, text: m[2]! }));
}

/**
 * The heading level a notebook without `---` is cut at: the highest level used more than once (a single
 * `#` title over `##` sections cuts at the sections), else the highest level used, else none.
 */
function cutLevel(cells: readonly SlideCell[]): number | null {
  const counts = new Map<number, number>();
  for (const cell of cells)
    if (cell.kind === 'md')
      for (const h of headings(cell.source)) counts.set(h.level, (counts.get(h.level) ?? 0) + 1);
  const levels = [...counts.keys()].sort((a, b) => a - b);
  return levels.find((level) => counts.get(level)! > 1) ?? levels[0] ?? null;
}

/**
 * Slides of a notebook's cells. Slides left empty (two `---` in a row, a leading `---`) are dropped.
 *
 * @example
 * slidesOf(parse('# A\n\n---\n\n# B\n').cells).map((s) => s.title); // ['A', 'B']
 */
export function slidesOf(cells: readonly SlideCell[]): Slide[] {
  const hasBreaks = cells.some((c) => c.kind === 'break');
  const level = hasBreaks ? null : cutLevel(cells);
  const groups: SlideCell[][] = [[]];
  for (const cell of cells) {
    if (cell.kind === 'break') {
      groups.push([]);
      continue;
    }
    const opensSlide =
      level !== null &&
      cell.kind === 'md' &&
      headings(cell.source).some((h) => h.level <= level) &&
      groups[groups.length - 1]!.length > 0;
    if (opensSlide) groups.push([]);
    groups[groups.length - 1]!.push(cell);
  }
  return groups
    .filter((group) => group.length > 0)
    .map((group, index) => {
      const prose = group.filter((c) => c.kind === 'md').map((c) => c.source);
      const title = prose.flatMap(headings)[0]?.text ?? `Slide ${index + 1}`;
      const notes = group.flatMap((c) =>
        c.kind === 'md'
          ? notesOf(c.source)
          : isNotesCell(c) && c.source.trim()
            ? [c.source.trim()]
            : [],
      );
      return { cellIds: group.map((c) => c.id), title, notes };
    });
}

/**
 * The slide index of each cell id.
 *
 * @example
 * slideIndexById(slides).get(cellId); // 2
 */
export function slideIndexById(slides: readonly Slide[]): Map<string, number> {
  const byId = new Map<string, number>();
  slides.forEach((slide, index) => slide.cellIds.forEach((id) => byId.set(id, index)));
  return byId;
}
