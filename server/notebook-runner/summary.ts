/**
 * One line describing a cell's value for the runner's report: tables by shape and columns, elements by tag
 * (a chart, an input, a table view), numbers and strings shortened, objects by their keys.
 */
const MAX = 80;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX ? `${flat.slice(0, MAX - 1)}…` : flat;
}

function isArrowTable(
  value: object,
): value is { numRows: number; schema: { fields: { name: string }[] } } {
  const v = value as { numRows?: unknown; schema?: { fields?: unknown } };
  return typeof v.numRows === 'number' && Array.isArray(v.schema?.fields);
}

function elementSummary(value: {
  tagName: string;
  textContent?: string | null;
  querySelector?: unknown;
}): string {
  const tag = value.tagName.toLowerCase();
  if (tag === 'svg' || (tag === 'figure' && typeof value.querySelector === 'function')) {
    const title = (value as unknown as Element).querySelector?.('h2')?.textContent;
    return clip(`<${tag}> chart${title ? `: ${title}` : ''}`);
  }
  if (tag === 'form') return '<form> input';
  return clip(`<${tag}> ${value.textContent ?? ''}`);
}

/**
 * @example
 * summarize(3.14159); // '3.14159'
 * summarize(table); // 'Table 3653 × 5 [date, open, high, low, close]'
 */
export function summarize(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  if (typeof value === 'string') return clip(JSON.stringify(value));
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value !== 'object') return typeof value;
  if (isArrowTable(value)) {
    const names = value.schema.fields.map((f) => f.name);
    return clip(`Table ${value.numRows} × ${names.length} [${names.join(', ')}]`);
  }
  if (typeof (value as { tagName?: unknown }).tagName === 'string')
    return elementSummary(value as { tagName: string });
  if ('html' in value && 'values' in value)
    return clip(`md: ${String((value as { html: string }).html).replace(/<[^>]+>/g, '')}`);
  if (ArrayBuffer.isView(value))
    return `${value.constructor.name}(${(value as unknown as ArrayLike<unknown>).length})`;
  if (Array.isArray(value)) return `Array(${value.length})`;
  if (value instanceof Map) return `Map(${value.size})`;
  if (value instanceof Set) return `Set(${value.size})`;
  return clip(`{${Object.keys(value).join(', ')}}`);
}
