/**
 * Every bundled notebook runs headless with its default inputs and no cell in error, and the CLI's exit code
 * and `--inputs` behave as documented.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBundledDatasets } from '../../server/datasets/generate';
import { runNotebook } from '../../server/notebook-runner/run';

const root = resolve(import.meta.dirname, '../..');
const datasetsDir = process.env.VOLLAB_DATA_DIR ?? resolve(root, 'datasets');
const notebooks = (await readdir(resolve(root, 'notebooks')))
  .filter((f) => f.endsWith('.md'))
  .sort();
let scratch = '';

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = resolve(root, 'node_modules/.bin/tsx');
  return new Promise((done) => {
    execFile(
      tsx,
      ['server/cli/notebook.ts', ...args],
      { cwd: root, env: { ...process.env, TZ: 'UTC', VOLLAB_DATA_DIR: datasetsDir } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  await ensureBundledDatasets(datasetsDir);
  scratch = await mkdtemp(join(tmpdir(), 'vollab-notebooks-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('bundled notebooks headless', () => {
  it('has notebooks to run', () => {
    expect(notebooks.length).toBeGreaterThanOrEqual(7);
  });

  it.each(notebooks)('%s runs with no cell in error', async (file) => {
    const report = await runNotebook(resolve(root, 'notebooks', file), { datasetsDir });
    expect(report.errors).toEqual([]);
    expect(
      report.cells.filter((c) => c.status !== 'ok').map((c) => `line ${c.line}: ${c.error}`),
    ).toEqual([]);
    expect(report.cells.length).toBeGreaterThan(5);
    expect(report.ok).toBe(true);
  });
});

describe('npm run notebook -- run', () => {
  const passing =
    '```js\nconst n = view(Inputs.range([1, 10], {step: 1, value: 3}))\n```\n\n```js\nconst twice = n * 2\n```\n';

  it('exits 0 and prints each cell when every cell runs', async () => {
    const file = join(scratch, 'passing.md');
    await writeFile(file, passing);
    const { code, stdout } = await cli('run', file);
    expect(code).toBe(0);
    expect(stdout).toMatch(/ok .* twice = 6/);
    expect(stdout).toMatch(/all cells ok/);
  });

  it('takes --inputs by variable name, and prints JSON with --json', async () => {
    const file = join(scratch, 'inputs.md');
    await writeFile(file, passing);
    const { code, stdout } = await cli('run', file, '--inputs', '{"n": 7}', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      ok: boolean;
      cells: { names: string[]; summary: string }[];
    };
    expect(report.ok).toBe(true);
    expect(report.cells.find((c) => c.names.includes('twice'))!.summary).toBe('twice = 14');
  });

  it('exits 1 and names the failing cell when a cell fails', async () => {
    const file = join(scratch, 'failing.md');
    await writeFile(file, '```js\nconst a = 1\n```\n\n```js\nconst b = a.toFixed(-5)\n```\n');
    const { code, stdout } = await cli('run', file);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /error .*line 5 .* b +RangeError: toFixed\(\) digits argument must be between 0 and 100/,
    );
    expect(stdout).toMatch(/1 of 2 cells failed/);
  });

  it('exits 2 on bad usage: an unknown input, malformed JSON', async () => {
    const file = join(scratch, 'usage.md');
    await writeFile(file, passing);
    const unknown = await cli('run', file, '--inputs', '{"m": 1}');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown input: m/);
    const malformed = await cli('run', file, '--inputs', '{n: 1}');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/invalid --inputs/);
  });
});
