/** File names for titles and the text of a new notebook (titles are read by `web/notebook/title.ts`). */
import { formatFrontMatter } from '../../web/notebook/front-matter-format';

/**
 * A file-name slug for a title.
 *
 * @example
 * slugify('BTC Régime study: 2025!'); // 'btc-regime-study-2025'
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug === '' ? 'untitled' : slug;
}

/**
 * The text of a new notebook: the title as front matter and as a heading. The heading is Markdown prose, where
 * `${…}` runs as code and HTML renders: the title's Markdown punctuation is escaped so it shows as typed and
 * nothing in it runs (a title is data, possibly from another page's request).
 *
 * @example
 * newNotebookText('Costs ${x}'); // '---\ntitle: "Costs ${x}"\n---\n\n# Costs \\$\\{x\\}\n'
 */
export function newNotebookText(title: string): string {
  const heading = title.replace(/[\\`*_{}[\]<>$&#|!~]/g, '\\$&');
  return `${formatFrontMatter({ title })}\n# ${heading}\n`;
}
