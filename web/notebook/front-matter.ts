import { parseInlineValue, YamlError } from './yaml-flow';

/**
 * Parses the YAML subset used in notebook front matter: `key: value` maps, block lists (`- a`),
 * nested blocks by indentation, flow lists and maps, quoted strings and `#` comments.
 * Throws `YamlError` with an offset into `text`.
 * @example parseFrontMatter('title: BTC\ndatasets: [ohlcv_daily]') // {title: 'BTC', datasets: ['ohlcv_daily']}
 */
export function parseFrontMatter(text: string): Record<string, unknown> {
  const lines = splitLines(text);
  if (lines.length === 0) return {};
  if (lines[0]!.indent !== 0) throw new YamlError('unexpected indentation', lines[0]!.offset);
  const state = { lines, i: 0 };
  const value = parseBlock(state, 0);
  if (state.i < lines.length) throw new YamlError('unexpected indentation', lines[state.i]!.offset);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new YamlError('front matter must be a map of keys', 0);
  }
  return value as Record<string, unknown>;
}

interface Line {
  indent: number;
  /** Content after the indentation (may carry a trailing comment). */
  text: string;
  /** Offset of `text` in the front matter. */
  offset: number;
}

interface State {
  lines: Line[];
  i: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]*(\r\n|\r|\n|$)/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) && match[0] !== '') {
    const raw = match[0].replace(/[\r\n]+$/, '');
    const indent = raw.length - raw.trimStart().length;
    const content = raw.slice(indent);
    if (/\t/.test(raw.slice(0, indent))) throw new YamlError('tabs are not allowed', match.index);
    if (content !== '' && !content.startsWith('#')) {
      lines.push({ indent, text: content.trimEnd(), offset: match.index + indent });
    }
  }
  return lines;
}

const listItem = /^-(\s|$)/;

function parseBlock(state: State, indent: number): unknown {
  const line = state.lines[state.i]!;
  return listItem.test(line.text) ? parseList(state, indent) : parseMap(state, indent);
}

function parseMap(state: State, indent: number): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (
    let line = state.lines[state.i];
    line && line.indent === indent;
    line = state.lines[state.i]
  ) {
    if (listItem.test(line.text)) throw new YamlError('unexpected list item', line.offset);
    const colon = findKeyColon(line.text);
    if (colon < 0) throw new YamlError('expected key: value', line.offset);
    const key = keyOf(line.text.slice(0, colon), line.offset);
    if (Object.hasOwn(map, key)) throw new YamlError(`duplicate key ${key}`, line.offset);
    const rest = line.text.slice(colon + 1);
    state.i++;
    if (rest.trim() === '' || rest.trim().startsWith('#')) {
      const next = state.lines[state.i];
      if (next && next.indent > indent) map[key] = parseBlock(state, next.indent);
      else if (next && next.indent === indent && listItem.test(next.text)) {
        map[key] = parseList(state, indent);
      } else map[key] = null;
    } else {
      map[key] = inline(rest, line.offset + colon + 1);
    }
  }
  return map;
}

function parseList(state: State, indent: number): unknown[] {
  const items: unknown[] = [];
  for (
    let line = state.lines[state.i];
    line && line.indent === indent;
    line = state.lines[state.i]
  ) {
    if (!listItem.test(line.text)) break;
    const itemText = line.text.slice(1).trimStart();
    const itemIndent = indent + line.text.length - itemText.length;
    if (itemText === '' || itemText.startsWith('#')) {
      state.i++;
      const next = state.lines[state.i];
      items.push(next && next.indent > indent ? parseBlock(state, next.indent) : null);
    } else if (listItem.test(itemText) || isMapEntry(itemText)) {
      // `- key: v` opens a map (or `- - x` a list) whose first entry shares the dash's line.
      state.lines[state.i] = {
        indent: itemIndent,
        text: itemText,
        offset: line.offset + itemIndent - indent,
      };
      items.push(parseBlock(state, itemIndent));
    } else {
      state.i++;
      items.push(inline(itemText, line.offset + itemIndent - indent));
    }
  }
  return items;
}

function inline(text: string, offset: number): unknown {
  try {
    return parseInlineValue(text);
  } catch (error) {
    if (error instanceof YamlError) throw new YamlError(error.message, offset + error.offset);
    throw error;
  }
}

function isMapEntry(text: string): boolean {
  return !/^["'[{]/.test(text) && findKeyColon(text) >= 0;
}

/** The index of the `:` ending a key (followed by a space or the end), or -1. */
function findKeyColon(text: string): number {
  if (text.startsWith('"') || text.startsWith("'")) {
    const close = text.indexOf(text[0]!, 1);
    return close > 0 && text[close + 1] === ':' ? close + 1 : -1;
  }
  const match = /:(\s|$)/.exec(text);
  return match && !text.slice(0, match.index).includes(' #') ? match.index : -1;
}

function keyOf(text: string, offset: number): string {
  const key = text.trim();
  if (key.startsWith('"') || key.startsWith("'")) return String(parseInlineValue(key));
  if (key === '' || /^[[{]/.test(key)) throw new YamlError('invalid key', offset);
  return key;
}
