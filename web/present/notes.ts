/**
 * Speaker notes: `<!-- notes: … -->` comments in a notebook's prose. They show in the presenter window and
 * never leave the machine in an export or a share (unless asked).
 */
const NOTES = /<!--\s*notes:([\s\S]*?)-->/g;

/**
 * The notes of a piece of Markdown, trimmed, in order.
 *
 * @example
 * notesOf('# Hi\n<!-- notes: say hello -->'); // ['say hello']
 */
export function notesOf(markdown: string): string[] {
  return [...markdown.matchAll(NOTES)].map((m) => m[1]!.trim()).filter((n) => n.length > 0);
}

/**
 * The text with every notes comment (and the line it stood on, when alone) removed.
 *
 * @example
 * stripNotes('a\n<!-- notes: x -->\nb'); // 'a\nb'
 */
export function stripNotes(text: string): string {
  return text.replace(/^[ \t]*<!--\s*notes:[\s\S]*?-->[ \t]*\r?\n/gm, '').replace(NOTES, '');
}
