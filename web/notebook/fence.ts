import type { CellAttributes, CellKind } from './types';

export interface OpeningFence {
  indent: number;
  marker: string;
  info: string;
}

/**
 * An opening code fence (CommonMark): up to 3 spaces, then ≥ 3 backticks or tildes; a backtick
 * fence's info string may not contain a backtick. `line` has no line ending.
 * @example openingFence('```sql id=daily') // {indent: 0, marker: '```', info: 'sql id=daily'}
 */
export function openingFence(line: string): OpeningFence | null {
  const match = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(line);
  if (!match) return null;
  const [, indent, marker, info] = match as unknown as [string, string, string, string];
  if (marker[0] === '`' && info.includes('`')) return null;
  return { indent: indent.length, marker, info: info.trim() };
}

/** Whether `line` closes a fence opened with `marker`: same character, at least as long. */
export function isClosingFence(line: string, marker: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return !!match && match[1]![0] === marker[0] && match[1]!.length >= marker.length;
}

/** The cell kind for an info string's first word. */
export function kindOfLang(lang: string): CellKind {
  const l = lang.toLowerCase();
  if (l === 'js' || l === 'javascript') return 'js';
  if (l === 'sql') return 'sql';
  return 'code';
}

/**
 * Splits an info string into its language and attributes: `key=value`, `key="quoted value"`,
 * or a bare flag (`echo`, `hidden`).
 * @example parseInfo('sql id=daily echo') // {lang: 'sql', attributes: {id: 'daily', echo: true}}
 */
export function parseInfo(info: string): { lang: string; attributes: CellAttributes } {
  const tokens = info.match(/[^\s=]+="(?:[^"\\]|\\.)*"|[^\s=]+='[^']*'|[^\s=]+=\S*|\S+/g) ?? [];
  const [lang = '', ...rest] = tokens;
  const attributes: CellAttributes = {};
  for (const token of rest) {
    const eq = token.indexOf('=');
    if (eq < 0) {
      attributes[token] = true;
      continue;
    }
    const value = token.slice(eq + 1);
    attributes[token.slice(0, eq)] = /^".*"$/.test(value)
      ? value.slice(1, -1).replace(/\\(.)/g, '$1')
      : /^'.*'$/.test(value)
        ? value.slice(1, -1)
        : value;
  }
  return { lang, attributes };
}

/** Renders an info string from a language and attributes (inverse of `parseInfo`). */
export function formatInfo(lang: string, attributes: CellAttributes): string {
  const parts = [lang];
  for (const [key, value] of Object.entries(attributes)) {
    if (value === true) parts.push(key);
    else if (/^[^\s"'`]+$/.test(value)) parts.push(`${key}=${value}`);
    else parts.push(`${key}="${value.replace(/[\\"]/g, '\\$&').replace(/`/g, "'")}"`);
  }
  return parts.join(' ');
}

/** A backtick fence longer than any backtick run in `source` (at least 3). */
export function fenceFor(source: string): string {
  let longest = 0;
  for (const run of source.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(3, longest + 1));
}
