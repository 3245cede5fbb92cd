import { scalar } from './yaml-flow';

/**
 * Writes front matter data as a `---` block that `parseFrontMatter` reads back: one `key: value`
 * line per key, lists and maps in flow style.
 * @example formatFrontMatter({title: 'BTC', datasets: ['ohlcv_daily']}) // '---\ntitle: BTC\ndatasets: [ohlcv_daily]\n---\n'
 */
export function formatFrontMatter(
  data: Record<string, unknown>,
  eol: '\n' | '\r\n' = '\n',
): string {
  const lines = Object.entries(data).map(
    ([key, value]) => `${formatKey(key)}: ${formatValue(value)}`,
  );
  return ['---', ...lines, '---', ''].join(eol);
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${formatKey(k)}: ${formatValue(v)}`).join(', ')}}`;
  }
  if (typeof value === 'string') return formatString(value);
  return String(value);
}

function formatKey(key: string): string {
  return /^[A-Za-z_][\w-]*$/.test(key) ? key : JSON.stringify(key);
}

/** A plain scalar when it reads back as the same string, else a double-quoted one. */
function formatString(value: string): string {
  const plain = /^[^\s"'[\]{},#:&*!|>%@`-][^"[\]{},#:]*$/.test(value) && !/\s$/.test(value);
  return plain && scalar(value) === value ? value : JSON.stringify(value);
}
