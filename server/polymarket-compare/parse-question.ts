/**
 * Polymarket crypto price questions in words → structured events: "Will BTC be above $X on DATE?", "… below …",
 * "… between $X and $Y on DATE?" (European: where the price is at one instant) and "Will Bitcoin reach / hit /
 * dip to $X by DATE?" (path-dependent: touched at any time before). Anything else is null (listed, not matched).
 */
import type { SurfaceCurrency } from '../contract/surface';

export type ParsedQuestion =
  | { kind: 'above' | 'below'; currency: SurfaceCurrency; strike: number; date: string | null }
  | { kind: 'between'; currency: SurfaceCurrency; low: number; high: number; date: string | null }
  | {
      kind: 'reach';
      currency: SurfaceCurrency;
      strike: number;
      direction: 'up' | 'down';
      date: string | null;
    };

const COIN = String.raw`(?:the price of )?(BTC|Bitcoin|ETH|Ethereum|Ether)(?: price)?`;
const MONEY = String.raw`\$\s?([\d,]+(?:\.\d+)?\s?[kKmM]?)`;
const DATE = String.raw`(?:\s+(?:on|by|at|before|in)\s+(.+?))?\s*\??$`;

const ABOVE = new RegExp(
  String.raw`^will ${COIN} (?:be|close|trade|finish|end) (above|over|below|under) ${MONEY}${DATE}`,
  'i',
);
const BETWEEN = new RegExp(
  String.raw`^will ${COIN} (?:be|close|trade|finish|end) between ${MONEY} and ${MONEY}${DATE}`,
  'i',
);
const REACH = new RegExp(
  String.raw`^will ${COIN} (reach|hit|touch|dip to|fall to|drop to) ${MONEY}${DATE}`,
  'i',
);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * @example
 * parseQuestion('Will BTC be above $105,000 on 2027-01-01?', 2026);
 * // { kind: 'above', currency: 'BTC', strike: 105000, date: '2027-01-01' }
 */
export function parseQuestion(question: string, defaultYear: number): ParsedQuestion | null {
  const text = question.trim().replace(/\s+/g, ' ');
  let m = BETWEEN.exec(text);
  if (m) {
    const [low, high] = [money(m[2]!), money(m[3]!)].sort((a, b) => a - b) as [number, number];
    if (!(low > 0) || !(high > low)) return null;
    return { kind: 'between', currency: coin(m[1]!), low, high, date: date(m[4], defaultYear) };
  }
  m = ABOVE.exec(text);
  if (m) {
    const strike = money(m[3]!);
    if (!(strike > 0)) return null;
    const kind = /above|over/i.test(m[2]!) ? 'above' : 'below';
    return { kind, currency: coin(m[1]!), strike, date: date(m[4], defaultYear) };
  }
  m = REACH.exec(text);
  if (m) {
    const strike = money(m[3]!);
    if (!(strike > 0)) return null;
    const direction = /reach|hit|touch/i.test(m[2]!) ? 'up' : 'down';
    return {
      kind: 'reach',
      currency: coin(m[1]!),
      strike,
      direction,
      date: date(m[4], defaultYear),
    };
  }
  return null;
}

function coin(word: string): SurfaceCurrency {
  return /^b/i.test(word) ? 'BTC' : 'ETH';
}

/** `$105,000`, `$105k`, `$1.2m` → dollars. */
function money(text: string): number {
  const clean = text.replace(/[\s,]/g, '');
  const scale = /k$/i.test(clean) ? 1e3 : /m$/i.test(clean) ? 1e6 : 1;
  return Number(clean.replace(/[kKmM]$/, '')) * scale;
}

/** `2027-01-01`, `January 1`, `Jan 1, 2027`, `1 January 2027` → `YYYY-MM-DD` (null when absent or unreadable). */
function date(text: string | undefined, defaultYear: number): string | null {
  if (!text) return null;
  const t = text.replace(/\b(?:at|by)\b.*$/i, '').trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const md = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?/.exec(t);
  const dm = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]{3,9})(?:,? (\d{4}))?/.exec(t);
  const [monthWord, day, year] = md ? [md[1]!, md[2]!, md[3]] : dm ? [dm[2]!, dm[1]!, dm[3]] : [];
  if (!monthWord || !day) return null;
  const month = MONTHS.indexOf(monthWord.slice(0, 3).toLowerCase());
  if (month < 0) return null;
  const d = new Date(Date.UTC(Number(year ?? defaultYear), month, Number(day)));
  if (d.getUTCDate() !== Number(day)) return null;
  return d.toISOString().slice(0, 10);
}
