/**
 * `npm run export -- <notebook.md> [--out DIR] [--single-file] [--include-code] [--force] [--inputs JSON]`:
 * a static, read-only, live copy of a notebook with exactly the data it reads. `--pdf` prints its slides to a
 * PDF instead (`--out FILE`, default `exports/<name>.pdf`). Exit 1 when it was exported with
 * cells in error (said), 2 on bad usage or a refusal (an existing folder, a missing dataset).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { buildBundle } from '../export/bundle';
import { printSlidesToPdf } from '../export/pdf';
import { singleFileHtml } from '../export/single-file';
import { ensureViewerBuild } from '../export/viewer-build';
import { ExportExistsError, writeExportFolder } from '../export/write-folder';
import { failUsage, parseCliArgs } from './args';

const USAGE =
  'usage: npm run export -- <notebook.md> [--out DIR] [--single-file] [--include-code] [--force] [--datasets DIR] [--pdf]';

const fail = (message: string): never => failUsage(USAGE, message);

const { values, positionals } = parseCliArgs(USAGE, {
  out: { type: 'string' },
  'single-file': { type: 'boolean' },
  'include-code': { type: 'boolean' },
  force: { type: 'boolean' },
  datasets: { type: 'string' },
  pdf: { type: 'boolean' },
});
const [path] = positionals;
if (!path || positionals.length > 1) fail('expected one notebook file');
const single = values['single-file'] === true;
const name = basename(path, '.md');
const out = resolve(values.out ?? `exports/${name}${single ? '.html' : ''}`);
const started = performance.now();
if (values.pdf) {
  const pdfOut = resolve(values.out ?? `exports/${name}.pdf`);
  try {
    if (!values.force && (await stat(pdfOut).catch(() => null)))
      throw new ExportExistsError(pdfOut);
    const pdf = await printSlidesToPdf(path, pdfOut, { datasetsDir: values.datasets });
    const ms = Math.round(performance.now() - started);
    console.log(
      `printed ${pdf.slides} slides to ${pdfOut} in ${ms} ms (${(pdf.bytes / 1e6).toFixed(1)} MB)`,
    );
    for (const error of pdf.errors) console.error(`  a cell printed in error: ${error}`);
    process.exit(pdf.errors.length > 0 ? 1 : 0);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}
try {
  if (single && !values.force && (await stat(out).catch(() => null)))
    throw new ExportExistsError(out);
  const bundle = await buildBundle(await readFile(path, 'utf8'), {
    datasetsDir: values.datasets,
    showCode: values['include-code'] === true,
    name,
  });
  const viewer = await ensureViewerBuild(single);
  let bytes: number;
  if (single) {
    const html = await singleFileHtml(bundle, viewer);
    await writeFile(out, html);
    bytes = Buffer.byteLength(html);
  } else {
    await writeExportFolder(bundle, out, { viewer, force: values.force });
    bytes = [...bundle.files.values()].reduce((n, b) => n + b.byteLength, 0);
  }
  const ms = Math.round(performance.now() - started);
  const { slices, cells } = bundle.manifest;
  console.log(`exported ${bundle.manifest.title} to ${out} in ${ms} ms`);
  for (const s of slices)
    console.log(
      `  ${s.dataset}: ${s.rows} rows, ${s.bytes} bytes${s.simulated ? ' (simulated)' : ''}`,
    );
  console.log(`  ${single ? 'file' : 'data'}: ${(bytes / 1e6).toFixed(1)} MB`);
  const failed = cells.filter((c) => c.status !== 'ok');
  for (const c of failed)
    console.error(`  cell ${c.id} (${c.kind}) exported in error: ${c.error ?? c.status}`);
  process.exit(failed.length > 0 ? 1 : 0);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
