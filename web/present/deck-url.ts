/**
 * Presentation state in the URL: `?present&slide=3` (1-based) opens the deck on slide 3; `?presenter&slide=3` is
 * the presenter window. Pure string work on hrefs.
 */

/**
 * @example
 * deckFromUrl('http://x/notebooks/a?present&slide=3'); // { present: true, presenter: false, print: false, index: 2 }
 */
export function deckFromUrl(href: string): {
  present: boolean;
  presenter: boolean;
  /** `?present&print`: every slide shown, one per printed page (`npm run export -- … --pdf`). */
  print: boolean;
  index: number;
} {
  const params = new URL(href).searchParams;
  const slide = Number(params.get('slide'));
  return {
    present: params.has('present'),
    presenter: params.has('presenter'),
    print: params.has('print'),
    index: Number.isInteger(slide) && slide >= 1 ? slide - 1 : 0,
  };
}

/**
 * The URL with the deck's state: `present` and the 1-based slide, or neither when `index` is null (left).
 *
 * @example
 * urlWithSlide('http://x/notebooks/a', 2); // 'http://x/notebooks/a?present=&slide=3'
 */
export function urlWithSlide(href: string, index: number | null, mode = 'present'): string {
  const url = new URL(href);
  if (index === null) {
    url.searchParams.delete(mode);
    url.searchParams.delete('slide');
  } else {
    url.searchParams.set(mode, '');
    url.searchParams.set('slide', String(index + 1));
  }
  return url.toString();
}
