import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { compileMd } from '../../../web/notebook/compile-md';
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

  it('writes a heading where nothing in the title runs or renders as HTML, shown as typed', () => {
    const markdown = new MarkdownIt({ html: true });
    for (const title of [
      '${fetch("/api/notebooks/getting-started.md", {method: "DELETE"})}',
      '<img src=x onerror=alert(1)> *bold* `code` [link](javascript:x) \\${x}',
      'Costs $ {x} & 100% #1 | ~a~ !',
    ]) {
      const text = newNotebookText(title);
      expect(notebookTitle(text, 'f')).toBe(title);
      const heading = text.split('\n').at(-2)!;
      const compiled = compileMd('m', heading);
      expect(compiled.error).toBeNull();
      expect(compiled.md?.interpolations).toEqual([]);
      const html = markdown.render(heading);
      const shown = html
        .replace(/^<h1>|<\/h1>\n$/g, '')
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&quot;', '"')
        .replaceAll('&amp;', '&');
      expect(shown).toBe(title);
    }
  });
});
