import { describe, expect, it } from 'vitest';
import { isShareId, newShareId } from '../../../server/share/share-id';

describe('share ids', () => {
  it('are 128 random bits in base64url, all different', () => {
    const ids = Array.from({ length: 200 }, newShareId);
    expect(new Set(ids).size).toBe(200);
    for (const id of ids) {
      expect(isShareId(id)).toBe(true);
      expect(Buffer.from(id, 'base64url').byteLength).toBe(16);
    }
  });

  it('refuse anything else before it reaches the disk', () => {
    for (const bad of [
      '',
      '../../etc/passwd',
      'a'.repeat(21),
      'a'.repeat(23),
      `${'a'.repeat(21)}/`,
    ])
      expect(isShareId(bad)).toBe(false);
  });
});
