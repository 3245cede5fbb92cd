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

/** The text of a new notebook: the title as front matter and as a heading. */
export function newNotebookText(title: string): string {
  return `${formatFrontMatter({ title })}\n# ${title}\n`;
}
