import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../web/notebook/compile';
import { parse } from '../../../web/notebook/parse';

// Golden files in Observable Framework's manner (its test/markdown-test.ts): each input/*.md gives
// output/*.json (the parse result and the compiled cells). A missing snapshot is written locally so a
// new case can be reviewed and committed, but FAILS in CI (`CI` set), where nothing would review it; a
// mismatch writes *-changed.json next to the snapshot and fails, so the difference can be inspected
// (and accepted by renaming).
const root = join(import.meta.dirname, '../../golden/notebook');
const inCi = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
const inputs = readdirSync(join(root, 'input'))
  .filter((f) => f.endsWith('.md'))
  .sort();

/** The parse result without the raw block texts (their spans are kept as start/end). */
function snapshotOf(text: string): unknown {
  const notebook = parse(text);
  return {
    frontMatter: notebook.frontMatter && { data: notebook.frontMatter.data },
    eol: notebook.eol,
    errors: notebook.errors,
    slides: notebook.slides,
    cells: notebook.cells.map(
      ({ id, kind, source, attributes, fence, slide, lead, trail, start, end }) => ({
        id,
        kind,
        slide,
        start,
        end,
        lead,
        trail,
        fence,
        attributes,
        source,
      }),
    ),
    compiled: compile(notebook),
  };
}

describe('notebook golden files', () => {
  it('has inputs', () => expect(inputs.length).toBeGreaterThan(10));
  for (const name of inputs) {
    it(name, () => {
      const text = readFileSync(join(root, 'input', name), 'utf8');
      const actual = `${JSON.stringify(snapshotOf(text), null, 2)}\n`;
      const outputPath = join(root, 'output', name.replace(/\.md$/, '.json'));
      const changedPath = outputPath.replace(/\.json$/, '-changed.json');
      if (!existsSync(outputPath)) {
        if (inCi)
          expect.fail(
            `${name}: missing snapshot ${outputPath} (run the test locally and commit it)`,
          );
        writeFileSync(outputPath, actual);
        return;
      }
      const expected = readFileSync(outputPath, 'utf8');
      if (actual === expected) {
        if (existsSync(changedPath)) unlinkSync(changedPath);
        return;
      }
      writeFileSync(changedPath, actual);
      expect.fail(`${name}: output differs from ${outputPath}; see ${changedPath}`);
    });
  }
});
