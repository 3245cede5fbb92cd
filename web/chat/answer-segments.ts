/**
 * An answer's Markdown split into prose and fenced code blocks, so each JS/SQL block can carry its own
 * Insert / Replace buttons. Works on a partial (still streaming) answer: an unclosed fence is a code block
 * marked `open`. Pure.
 */
export type AnswerSegment =
  { kind: 'prose'; text: string } | { kind: 'code'; lang: string; code: string; open: boolean };

const FENCE = /^(`{3,}|~{3,})\s*([\w-]*)[^\n]*$/;

/**
 * @example
 * splitAnswer('Try:\n```sql\nSELECT 1\n```\nDone.');
 * // [{kind: 'prose', text: 'Try:'}, {kind: 'code', lang: 'sql', code: 'SELECT 1', open: false}, {kind: 'prose', text: 'Done.'}]
 */
export function splitAnswer(text: string): AnswerSegment[] {
  const segments: AnswerSegment[] = [];
  let prose: string[] = [];
  let code: { fence: string; lang: string; lines: string[] } | null = null;
  const flushProse = () => {
    const joined = prose.join('\n').trim();
    if (joined) segments.push({ kind: 'prose', text: joined });
    prose = [];
  };
  for (const line of text.split('\n')) {
    if (code) {
      if (line.trim().startsWith(code.fence) && line.trim().replace(/[`~]/g, '') === '') {
        segments.push({ kind: 'code', lang: code.lang, code: code.lines.join('\n'), open: false });
        code = null;
      } else code.lines.push(line);
      continue;
    }
    const match = FENCE.exec(line.trim());
    if (match) {
      flushProse();
      code = { fence: match[1]!, lang: (match[2] ?? '').toLowerCase(), lines: [] };
    } else prose.push(line);
  }
  if (code)
    segments.push({ kind: 'code', lang: code.lang, code: code.lines.join('\n'), open: true });
  flushProse();
  return segments;
}

/** The cell kind a fenced block can become, or null for other languages. */
export function cellKindOf(lang: string): 'js' | 'sql' | null {
  if (lang === 'sql' || lang === 'duckdb') return 'sql';
  if (lang === 'js' || lang === 'javascript' || lang === 'ts') return 'js';
  return null;
}
