import { cellError } from './compile-js';
import { arrayBody, freeNames } from './compile-sql';
import { compiledCell, type CompiledCell, type MdInterpolation } from './compiled';
import { readInterpolation, type Interpolation } from './interpolation';
import { hasTopLevelAwait } from './js-checks';
import type { CellAttributes } from './types';

/** The token standing for interpolation `i` in a Markdown template: plain ASCII, so Markdown leaves it alone. */
export function slotToken(i: number): string {
  return `VOLLABSLOT${i}Z`;
}

/**
 * Compiles a Markdown cell: finds each `${expr}` (not inside inline code, not escaped as `\${`),
 * its free names (inputs), and a template with slot tokens for `renderMarkdownCell`.
 * @example compileMd('m', 'Found ${n} rows', {}).inputs // ['n']
 */
export function compileMd(
  id: string,
  source: string,
  attributes: CellAttributes = {},
): CompiledCell {
  const base = { id, kind: 'md', attributes, body: null, async: false } as const;
  try {
    const found = findMarkdownInterpolations(source);
    const expressions = found.map((f) => f.expression);
    const inputs = freeNames(expressions);
    const async = expressions.some(hasTopLevelAwait);
    let template = '';
    let last = 0;
    found.forEach((f, i) => {
      template += source.slice(last, f.start) + slotToken(i);
      last = f.end;
    });
    template += source.slice(last);
    const interpolations: MdInterpolation[] = found.map(({ source, start, end }) => ({
      source,
      start,
      end,
    }));
    return compiledCell({
      ...base,
      inputs,
      outputs: [],
      params: inputs,
      body: arrayBody(
        inputs,
        interpolations.map((i) => i.source),
        async,
      ),
      async,
      autodisplay: !attributes['hidden'],
      error: null,
      md: { template, interpolations },
    });
  } catch (error) {
    return compiledCell({
      ...base,
      inputs: [],
      outputs: [],
      params: [],
      autodisplay: false,
      error: cellError(source, error),
    });
  }
}

/** The `${…}` interpolations of Markdown prose, skipping inline code spans and `\${`. */
export function findMarkdownInterpolations(source: string): Interpolation[] {
  const found: Interpolation[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '`') {
      const n = runLength(source, i);
      let close = i + n;
      while (close < source.length && !(source[close] === '`' && runLength(source, close) === n)) {
        close += source[close] === '`' ? runLength(source, close) : 1;
      }
      // An unclosed run is literal backticks (CommonMark); a closed one is a code span.
      i = close < source.length ? close + n - 1 : i + n - 1;
    } else if (c === '$' && source[i + 1] === '{') {
      const interpolation = readInterpolation(source, i);
      found.push(interpolation);
      i = interpolation.end - 1;
    }
  }
  return found;
}

function runLength(text: string, at: number): number {
  let n = 0;
  while (text[at + n] === '`') n++;
  return n;
}
