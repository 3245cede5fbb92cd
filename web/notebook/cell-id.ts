import type { CellAttributes, CellKind } from './types';

/**
 * 32-bit FNV-1a over UTF-16 code units, as 8 hex digits.
 * @example fnv1a('') // '811c9dc5'
 */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The content hash of a cell: kind, language of plain code blocks, attributes and source. */
export function cellHash(
  kind: CellKind,
  source: string,
  attributes: CellAttributes,
  lang = '',
): string {
  const attrs = Object.keys(attributes)
    .sort()
    .map((k) => `${k}=${String(attributes[k])}`)
    .join(' ');
  return fnv1a(`${kind}\0${kind === 'code' ? lang : ''}\0${attrs}\0${source}`);
}

/**
 * Stable, unique ids from content hashes: the n-th repeat of a hash (n ≥ 1) gets `-n`.
 * @example uniqueIds(['ab12cd34', 'ab12cd34']) // ['ab12cd34', 'ab12cd34-1']
 */
export function uniqueIds(hashes: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return hashes.map((hash) => {
    const n = seen.get(hash) ?? 0;
    seen.set(hash, n + 1);
    return n === 0 ? hash : `${hash}-${n}`;
  });
}
