/**
 * Running a doc comment's `@example` as code. The convention (also in test/cells/examples.test.ts):
 *
 * - An example is self-contained: it may use `vol` (the whole library) and the exports of its own file, and
 *   nothing else a notebook would have (no `daily`, no `returns` from another cell), except `tf`, which the
 *   test gives on the cpu backend as a notebook would give it. It may `await`. It is JavaScript, as in a cell.
 * - A line `expression; // → expected` asserts: `expected` is a JS expression (text after it, from `:` on,
 *   is prose); numbers agree to 4 significant digits (relative error 5e-4, or within 1e-12 of 0), NaN matches
 *   NaN, arrays and typed arrays element by element, and an expected object only on the keys it names.
 *   Any other comment is prose and is not checked.
 */

/** The example with each `// →` line turned into a check of the expression against the expected value. */
export function instrumentExample(code: string): string {
  return code
    .split('\n')
    .map((line, i) => {
      const match = /^(\s*)(.+?);?\s*\/\/\s*→\s*(.+)$/.exec(line);
      if (!match) return line;
      const [, indent, statement, expected] = match;
      return `${indent}__expect(${statement}, ${expectedValue(expected!)}, ${i + 1});`;
    })
    .join('\n');
}

/** The expected value of `→ value: prose` or `→ value`; a colon inside brackets or quotes is the value's. */
function expectedValue(text: string): string {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ':' && depth === 0) return text.slice(0, i).trim();
  }
  return text.trim();
}

/** Whether a value matches an expected one, under the tolerance above. */
export function matches(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return false;
    if (Number.isNaN(expected)) return Number.isNaN(actual);
    if (!Number.isFinite(expected)) return actual === expected;
    return Math.abs(actual - expected) <= 5e-4 * Math.abs(expected) + 1e-12;
  }
  if (Array.isArray(expected)) {
    if (!isArrayLike(actual) || actual.length !== expected.length) return false;
    return expected.every((e, i) => matches(actual[i], e));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    const record = actual as Record<string, unknown>;
    return Object.entries(expected).every(([k, e]) => matches(record[k], e));
  }
  return Object.is(actual, expected);
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || ArrayBuffer.isView(value);
}

const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<void>;

/** Run an example with the given names in scope; throws on an error or a failed `// →` check. */
export async function runExample(code: string, scope: Record<string, unknown>): Promise<void> {
  const names = Object.keys(scope);
  const expect = (actual: unknown, expected: unknown, line: number): void => {
    if (!matches(actual, expected)) {
      throw new Error(`line ${line}: got ${show(actual)}, expected ${show(expected)}`);
    }
  };
  const run = new AsyncFunction(...names, '__expect', instrumentExample(code));
  await run(...names.map((n) => scope[n]), expect);
}

function show(value: unknown): string {
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}[${String(value)}]`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
