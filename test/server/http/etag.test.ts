import { describe, expect, it } from 'vitest';
import { contentEtag, etagMatches, statEtag } from '../../../server/http/etag';

describe('etags', () => {
  it('hashes content with SHA-256 (quoted, base64url, 27 chars)', () => {
    // FIPS 180-2 appendix B.1: SHA-256('abc')
    const digest = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(contentEtag('abc')).toBe(
      `"${Buffer.from(digest, 'hex').toString('base64url').slice(0, 27)}"`,
    );
    expect(contentEtag('abc')).toBe('"ungWv48Bz-pBQUDeXa4iI7ADYaO"');
    expect(contentEtag(new TextEncoder().encode('abc'))).toBe(contentEtag('abc'));
  });

  it('changes the stat ETag with size or mtime', () => {
    const base = statEtag({ size: 10, mtimeMs: 1000 });
    expect(statEtag({ size: 10, mtimeMs: 1000 })).toBe(base);
    expect(statEtag({ size: 11, mtimeMs: 1000 })).not.toBe(base);
    expect(statEtag({ size: 10, mtimeMs: 1000.5 })).not.toBe(base);
  });

  it('matches lists, weak prefixes, unquoted tags and *', () => {
    expect(etagMatches('"a", W/"b"', '"b"')).toBe(true);
    expect(etagMatches('b', '"b"')).toBe(true);
    expect(etagMatches('*', '"x"')).toBe(true);
    expect(etagMatches('"a"', '"b"')).toBe(false);
    expect(etagMatches(undefined, '"b"')).toBe(false);
  });
});
