/**
 * The reactive `width` builtin, as in Observable: the width available to a cell's output, in pixels, yielded
 * again whenever it changes (window resize, side panel layout), so `Plot.plot({width})` fills the cell.
 */
const CELL_CHROME = 24; // the cell's border and padding around its output

function measure(): number {
  const page = document.querySelector('vol-notebook-page .page');
  // The content box: a presentation slide pads its frame, and the chart must fit inside the padding.
  const style = page ? getComputedStyle(page) : null;
  const available = page
    ? page.getBoundingClientRect().width -
      parseFloat(style!.paddingLeft) -
      parseFloat(style!.paddingRight)
    : document.body.clientWidth;
  return Math.max(320, Math.floor(available - CELL_CHROME));
}

export function* pageWidth(): Generator<number | Promise<number>, void, unknown> {
  let current = measure();
  let notify: ((width: number) => void) | null = null;
  const observer = new ResizeObserver(() => {
    current = measure();
    notify?.(current);
    notify = null;
  });
  observer.observe(document.querySelector('vol-notebook-page .page') ?? document.body);
  try {
    let yielded = current;
    yield yielded;
    for (;;) {
      // A change that landed while nobody was waiting is yielded at once.
      if (current !== yielded) {
        yielded = current;
        yield yielded;
        continue;
      }
      yield new Promise<number>((resolve) => {
        notify = (width) => {
          yielded = width;
          resolve(width);
        };
      });
    }
  } finally {
    observer.disconnect();
  }
}
