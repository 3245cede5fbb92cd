import { parse } from './parse';

/** A level-one ATX heading: `# Title`, closing `#`s dropped. */
const HEADING = /^#[ \t]+(.+?)[ \t#]*$/m;

/**
 * A notebook's title, as the notebook model reads it (the sidecar's listing uses this too, so the two never
 * disagree): front matter `title` (YAML, so `title: BTC # draft` is `BTC`), else the first `# heading` in a
 * prose cell (a `#` comment in a code cell is not a title), else `fallback`.
 * @example notebookTitle('---\ntitle: BTC regimes # draft\n---\n# Other\n', 'a') // 'BTC regimes'
 */
export function notebookTitle(text: string, fallback: string): string {
  const notebook = parse(text);
  const title = notebook.frontMatter?.data.title;
  if (typeof title === 'string' || typeof title === 'number') {
    const value = String(title).trim();
    if (value !== '') return value;
  }
  for (const cell of notebook.cells) {
    const heading = cell.kind === 'md' ? HEADING.exec(cell.source)?.[1] : undefined;
    if (heading !== undefined) return heading;
  }
  return fallback;
}
