import type { MdInfo } from './compiled';

/** A rendered Markdown cell: HTML, with `<span data-vollab-slot="i"></span>` for non-text values. */
export interface MarkdownOutput {
  html: string;
  /** The interpolated values, by index: the caller replaces each slot span with `values[i]`. */
  values: unknown[];
}

/** The attribute marking a slot the caller replaces with a DOM node or an inspector. */
export const slotAttribute = 'data-vollab-slot';

/**
 * Renders a compiled Markdown cell with its interpolated values. `render` turns Markdown into HTML
 * (e.g. markdown-it's `md.render`); strings, numbers and booleans are inserted as escaped text,
 * null and undefined as nothing, and anything else (DOM nodes, objects) as a slot span.
 * @example renderMarkdownCell(compileMd('m', 'n = ${n}').md, [3], (s) => `<p>${s}</p>`).html // '<p>n = 3</p>'
 */
export function renderMarkdownCell(
  md: MdInfo,
  values: readonly unknown[],
  render: (markdown: string) => string,
): MarkdownOutput {
  const html = render(md.template).replace(/VOLLABSLOT(\d+)Z/g, (token, digits: string) => {
    const i = Number(digits);
    if (i >= values.length) return token;
    const value = values[i];
    if (value === null || value === undefined) return '';
    if (isText(value)) return escapeHtml(String(value));
    return `<span ${slotAttribute}="${i}"></span>`;
  });
  return { html, values: [...values] };
}

function isText(value: unknown): boolean {
  const type = typeof value;
  return (
    type === 'string' ||
    type === 'number' ||
    type === 'boolean' ||
    type === 'bigint' ||
    value instanceof Date
  );
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A Markdown renderer for when the caller gives none: escaped text in paragraphs. */
export function plainMarkdown(markdown: string): string {
  return markdown
    .split(/\n\s*\n/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
    .join('\n');
}
