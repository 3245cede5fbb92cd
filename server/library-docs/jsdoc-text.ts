/**
 * A raw doc comment (`/** … *\/`) split into its prose and its `@example` blocks, keeping the examples'
 * lines verbatim (TypeScript's own tag parser reflows them). Pure string work.
 */

export interface JsDocText {
  /** The description, followed by any tags other than `@example` as written. */
  doc: string;
  examples: string[];
}

/**
 * @example
 * parseJsDoc('/** Adds.\n * @example\n * add(1, 2); // → 3\n *\/');
 * // → {doc: 'Adds.', examples: ['add(1, 2); // → 3']}
 */
export function parseJsDoc(comment: string): JsDocText {
  const body = comment.replace(/^\/\*\*/, '').replace(/\*\/$/, '');
  const lines = body.split('\n').map((line, i) => {
    const stripped = line.replace(/^\s*\* ?/, '');
    return i === 0 ? stripped.trim() : stripped.replace(/\s+$/, '');
  });
  const sections: { tag: string; lines: string[] }[] = [{ tag: '', lines: [] }];
  for (const line of lines) {
    const tag = /^@(\w+)\s?(.*)$/.exec(line);
    if (tag) sections.push({ tag: tag[1]!, lines: tag[2] ? [tag[2]] : [] });
    else sections[sections.length - 1]!.lines.push(line);
  }
  const text = (ls: string[]) => ls.join('\n').replace(/^\n+|\s+$/g, '');
  const doc = sections
    .filter((s) => s.tag !== 'example')
    .map((s) => (s.tag ? `@${s.tag} ${text(s.lines)}` : text(s.lines)))
    .filter((s) => s.trim() !== '')
    .join('\n');
  const examples = sections
    .filter((s) => s.tag === 'example')
    .map((s) => text(s.lines))
    .filter((s) => s !== '');
  return { doc, examples };
}
