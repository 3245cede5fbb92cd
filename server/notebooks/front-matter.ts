/** Notebook titles and the text of a new notebook. */

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/;

/**
 * The title: front matter `title:`, else the first `# heading`, else `fallback`.
 *
 * @example
 * notebookTitle('---\ntitle: BTC regimes\n---\n# x', 'a.md'); // 'BTC regimes'
 */
export function notebookTitle(text: string, fallback: string): string {
  const front = FRONT_MATTER.exec(text);
  const line = front?.[1]?.split(/\r?\n/).find((l) => /^title\s*:/.test(l));
  if (line !== undefined) {
    const value = unquote(line.slice(line.indexOf(':') + 1).trim());
    if (value !== '') return value;
  }
  const body = front ? text.slice(front[0].length) : text;
  return firstHeading(body) ?? fallback;
}

/** The first `# heading` outside fenced code (a `#` comment in a cell is not a title). */
function firstHeading(markdown: string): string | undefined {
  let fence: string | null = null;
  for (const line of markdown.split(/\r?\n/)) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === null ? marker : null;
      continue;
    }
    const heading = fence === null ? /^#[ \t]+(.+?)[ \t#]*$/.exec(line)?.[1] : undefined;
    if (heading !== undefined) return heading;
  }
  return undefined;
}

function unquote(value: string): string {
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
    try {
      return String(JSON.parse(value));
    } catch {
      return value.slice(1, -1);
    }
  }
  if (value.startsWith("'") && value.endsWith("'") && value.length >= 2) {
    return value.slice(1, -1).replaceAll("''", "'");
  }
  return value;
}

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
  const yaml = /^[\p{L}\p{N}][\p{L}\p{N} _.,()/-]*$/u.test(title) ? title : JSON.stringify(title);
  const heading = title.replace(/[\\`*_{}[\]<>$&#|!~]/g, '\\$&');
  return `---\ntitle: ${yaml}\n---\n\n# ${heading}\n`;
}
