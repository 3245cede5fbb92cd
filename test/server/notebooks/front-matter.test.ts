import { describe, expect, it } from 'vitest';
import { newNotebookText, slugify } from '../../../server/notebooks/front-matter';
import { notebookTitle } from '../../../web/notebook/title';

describe('slugify', () => {
  it('folds accents and punctuation into dashes', () => {
    expect(slugify('BTC Régime study: 2025!')).toBe('btc-regime-study-2025');
    expect(slugify('  --Vol  &  Skew--  ')).toBe('vol-skew');
    expect(slugify('日本')).toBe('untitled');
    expect(slugify('a'.repeat(100)).length).toBe(80);
  });
});

describe('newNotebookText', () => {
  it('writes the title as front matter (quoted when YAML needs it) and as a heading', () => {
    expect(newNotebookText('Vol study')).toBe('---\ntitle: Vol study\n---\n\n# Vol study\n');
    expect(newNotebookText('A: b')).toBe('---\ntitle: "A: b"\n---\n\n# A: b\n');
    for (const title of ['Vol study', 'A: b', '#1 "quoted"', "it's"]) {
      expect(notebookTitle(newNotebookText(title), 'f')).toBe(title);
    }
  });
});
