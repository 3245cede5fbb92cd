import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printSlidesToPdf } from '../../server/export/pdf';
import { CHROMIUM_PATH } from './support/browser';

const root = resolve(import.meta.dirname, '../..');
const datasetsDir = process.env.VOLLAB_DATA_DIR ?? join(root, 'datasets');

/** Page objects in a PDF (not the `/Pages` tree nodes). */
const pageCount = (pdf: string): number => pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;

/** A deck whose first slide is a chart three pages tall, then a short slide. */
const TALL_DECK = `---
title: Tall deck
---
# A tall chart
\`\`\`js
Plot.plot({width, height: 2000, marks: [Plot.lineY([1, 3, 2, 5, 4])]})
\`\`\`

---

# A short slide

Only prose.
`;

describe('printing a deck to PDF with Debian chromium', () => {
  it('prints the regime study: 8 slides, no cell in error, one 16:9 page per slide', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vollab-pdf-test-'));
    try {
      const out = join(dir, 'regime-study.pdf');
      const result = await printSlidesToPdf(join(root, 'notebooks/regime-study.md'), out, {
        root,
        datasetsDir,
        chromiumPath: CHROMIUM_PATH,
      });
      expect(result.errors).toEqual([]);
      // The deck's `---` lines cut it into 8 slides (see notebooks/regime-study.md).
      expect(result.slides).toBe(8);
      const bytes = await readFile(out);
      expect(bytes.byteLength).toBe(result.bytes);
      const text = bytes.toString('latin1');
      expect(text.startsWith('%PDF-')).toBe(true);
      // Slide 4's two charts are taller than a page: scaled to fit, not split.
      expect(pageCount(text)).toBe(8);
      // 1280×720 CSS pixels at 72/96 points each: 960×540 points, 16:9.
      expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 960 540\s*\]/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('scales a slide taller than a page down to fit it, instead of splitting it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vollab-pdf-test-'));
    try {
      const deck = join(dir, 'tall-deck.md');
      await writeFile(deck, TALL_DECK);
      const out = join(dir, 'tall-deck.pdf');
      const result = await printSlidesToPdf(deck, out, {
        root,
        datasetsDir,
        chromiumPath: CHROMIUM_PATH,
      });
      expect(result.errors).toEqual([]);
      expect(result.slides).toBe(2);
      const text = (await readFile(out)).toString('latin1');
      expect(pageCount(text)).toBe(2);
      expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 960 540\s*\]/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
