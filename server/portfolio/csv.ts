/**
 * Trades from CSV text (RFC 4180: commas, double-quoted fields with "" for a quote, CRLF or LF): a header naming
 * the columns (`instrument_name, direction, amount, price` required; `fee, timestamp, client_id` optional, in any
 * order), then one trade per line. Each row is validated as a JSON trade is; every bad row is reported with its
 * line, so the caller can refuse the whole file and say why.
 */
import type { CsvRowError } from '../contract/portfolio';
import { validTrade, type ValidTrade } from './trade-input';

const REQUIRED = ['instrument_name', 'direction', 'amount', 'price'] as const;
const KNOWN = new Set<string>([...REQUIRED, 'fee', 'timestamp', 'client_id']);
const NUMERIC = new Set(['amount', 'price', 'fee', 'timestamp']);

/** Split CSV text into records of fields, with the line each record starts on. */
export function csvRecords(text: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== '') out.push({ line: start, fields });
      fields = [];
      field = '';
      start = ++line;
    } else field += ch;
  }
  fields.push(field);
  if (fields.length > 1 || fields[0] !== '') out.push({ line: start, fields });
  return out;
}

/**
 * Validate every row: the trades when all are good, else every row's error.
 *
 * @example
 * csvTrades('instrument_name,direction,amount,price\nBTC-PERPETUAL,buy,100,95000\n', Date.now());
 */
export function csvTrades(
  text: string,
  now: number,
): { trades: ValidTrade[]; errors: CsvRowError[] } {
  const [header, ...rows] = csvRecords(text);
  if (!header)
    return { trades: [], errors: [{ line: 1, error: 'empty CSV: expected a header row' }] };
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  const unknown = columns.filter((c) => !KNOWN.has(c));
  if (missing.length > 0 || unknown.length > 0 || new Set(columns).size !== columns.length) {
    const why = [
      missing.length > 0 ? `missing column ${missing.join(', ')}` : '',
      unknown.length > 0
        ? `unknown column ${unknown.map((c) => JSON.stringify(c.slice(0, 30))).join(', ')}`
        : '',
      new Set(columns).size !== columns.length ? 'a column named twice' : '',
    ].filter(Boolean);
    return { trades: [], errors: [{ line: header.line, error: `bad header: ${why.join('; ')}` }] };
  }
  const trades: ValidTrade[] = [];
  const errors: CsvRowError[] = [];
  for (const { line, fields } of rows) {
    if (fields.length !== columns.length) {
      errors.push({ line, error: `expected ${columns.length} fields, got ${fields.length}` });
      continue;
    }
    const body: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      const raw = fields[i]!.trim();
      if (raw === '' && !REQUIRED.includes(c as (typeof REQUIRED)[number])) return;
      body[c] = NUMERIC.has(c) && raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
    });
    try {
      trades.push(validTrade(body, now));
    } catch (error) {
      errors.push({ line, error: error instanceof Error ? error.message : String(error) });
    }
  }
  if (rows.length === 0) errors.push({ line: header.line, error: 'no rows after the header' });
  return { trades, errors };
}
