import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printSlidesToPdf } from '../../server/export/pdf';
import { CHROMIUM_PATH } from './support/browser';

const root = resolve(import.meta.dirname, '../..');

describe('printing a deck to PDF with Debian chromium', () => {
  it('prints the regime study: 8 slides, no cell in error, at least a page per slide', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vollab-pdf-test-'));
    try {
      const out = join(dir, 'regime-study.pdf');
      const result = await printSlidesToPdf(join(root, 'notebooks/regime-study.md'), out, {
        root,
        datasetsDir: process.env.VOLLAB_DATA_DIR ?? join(root, 'datasets'),
        chromiumPath: CHROMIUM_PATH,
      });
      expect(result.errors).toEqual([]);
      // The deck's `---` lines cut it into 8 slides (see notebooks/regime-study.md).
      expect(result.slides).toBe(8);
      const bytes = await readFile(out);
      expect(bytes.byteLength).toBe(result.bytes);
      const text = bytes.toString('latin1');
      expect(text.startsWith('%PDF-')).toBe(true);
      const pages = text.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
      expect(pages).toBeGreaterThanOrEqual(8);
      // 1280×720 CSS pixels at 72/96 points each: 960×540 points, 16:9.
      expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 960 540\s*\]/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
