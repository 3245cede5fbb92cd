/**
 * Inline YAML values: plain and quoted scalars, flow lists `[a, b]` and flow maps `{k: v}`.
 * Positions in errors are offsets into the scanned string.
 */
export class YamlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'YamlError';
  }
}

/** Parses one inline value of `text` from `start`; the rest must be blank or a comment. */
export function parseInlineValue(text: string, start = 0): unknown {
  const scanner = { text, pos: start };
  const value = parseValue(scanner, false);
  skipSpace(scanner);
  if (scanner.pos < text.length && text[scanner.pos] !== '#') {
    throw new YamlError(`unexpected ${JSON.stringify(text[scanner.pos])}`, scanner.pos);
  }
  return value;
}

interface Scanner {
  text: string;
  pos: number;
}

function skipSpace(s: Scanner): void {
  while (s.pos < s.text.length && (s.text[s.pos] === ' ' || s.text[s.pos] === '\t')) s.pos++;
}

function parseValue(s: Scanner, flow: boolean): unknown {
  skipSpace(s);
  const c = s.text[s.pos];
  if (c === '[') return parseFlowList(s);
  if (c === '{') return parseFlowMap(s);
  if (c === '"' || c === "'") return parseQuoted(s);
  if (c === '|' || c === '>') throw new YamlError('block scalars are not supported', s.pos);
  return scalar(parsePlain(s, flow));
}

function parseFlowList(s: Scanner): unknown[] {
  const open = s.pos++;
  const items: unknown[] = [];
  for (;;) {
    skipSpace(s);
    if (s.pos >= s.text.length) throw new YamlError('unterminated flow list', open);
    if (s.text[s.pos] === ']') return (s.pos++, items);
    items.push(parseValue(s, true));
    skipSpace(s);
    if (s.pos >= s.text.length) throw new YamlError('unterminated flow list', open);
    if (s.text[s.pos] === ',') s.pos++;
    else if (s.text[s.pos] !== ']') throw new YamlError('expected , or ] in flow list', s.pos);
  }
}

function parseFlowMap(s: Scanner): Record<string, unknown> {
  const open = s.pos++;
  const map: Record<string, unknown> = {};
  for (;;) {
    skipSpace(s);
    if (s.pos >= s.text.length) throw new YamlError('unterminated flow map', open);
    if (s.text[s.pos] === '}') return (s.pos++, map);
    const keyAt = s.pos;
    const key = parseKey(s);
    if (Object.hasOwn(map, key)) throw new YamlError(`duplicate key ${key}`, keyAt);
    skipSpace(s);
    map[key] = s.text[s.pos] === ',' || s.text[s.pos] === '}' ? null : parseValue(s, true);
    skipSpace(s);
    if (s.pos >= s.text.length) throw new YamlError('unterminated flow map', open);
    if (s.text[s.pos] === ',') s.pos++;
    else if (s.text[s.pos] !== '}') throw new YamlError('expected , or } in flow map', s.pos);
  }
}

/** A map key followed by `:` (consumed); `key` alone (flow map shorthand) is allowed before , or }. */
function parseKey(s: Scanner): string {
  const c = s.text[s.pos];
  let key: string;
  if (c === '"' || c === "'") key = parseQuoted(s);
  else {
    const start = s.pos;
    while (s.pos < s.text.length && !/[:,{}[\]]/.test(s.text[s.pos]!)) s.pos++;
    key = s.text.slice(start, s.pos).trim();
    if (!key) throw new YamlError('expected a key', start);
  }
  skipSpace(s);
  if (s.text[s.pos] === ':') s.pos++;
  else if (s.text[s.pos] !== ',' && s.text[s.pos] !== '}') {
    throw new YamlError('expected : after key', s.pos);
  }
  return key;
}

function parseQuoted(s: Scanner): string {
  const quote = s.text[s.pos]!;
  const open = s.pos++;
  let out = '';
  while (s.pos < s.text.length) {
    const c = s.text[s.pos++]!;
    if (c === quote) {
      if (quote !== "'" || s.text[s.pos] !== "'") return out;
      out += "'";
      s.pos++;
    } else if (c === '\\' && quote === '"') {
      const e = s.text[s.pos++];
      const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
      if (e === 'u' && /^[0-9a-fA-F]{4}/.test(s.text.slice(s.pos, s.pos + 4))) {
        out += String.fromCharCode(parseInt(s.text.slice(s.pos, s.pos + 4), 16));
        s.pos += 4;
      } else if (e !== undefined && escapes[e] !== undefined) out += escapes[e];
      else throw new YamlError(`invalid escape \\${e ?? ''}`, s.pos - 2);
    } else out += c;
  }
  throw new YamlError('unterminated string', open);
}

function parsePlain(s: Scanner, flow: boolean): string {
  const start = s.pos;
  while (s.pos < s.text.length) {
    const c = s.text[s.pos]!;
    if (c === '#' && (s.pos === start || /\s/.test(s.text[s.pos - 1]!))) break;
    if (flow && (c === ',' || c === ']' || c === '}')) break;
    if (c === ':' && flow && /[\s,\]}]/.test(s.text[s.pos + 1] ?? ' ')) break;
    s.pos++;
  }
  return s.text.slice(start, s.pos).trim();
}

/** Plain scalar resolution (YAML core schema, reduced): null, booleans, numbers, else a string. */
export function scalar(text: string): unknown {
  if (text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL') {
    return null;
  }
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?(\d[\d_]*)?\.?\d+([eE][-+]?\d+)?$/.test(text)) return Number(text.replace(/_/g, ''));
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  return text;
}
