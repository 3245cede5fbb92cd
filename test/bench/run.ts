/**
 * `npm run bench [filter]`: runs every `*.bench.ts` under test/bench and prints the median of
 * several runs for each case. Benchmarks live outside the test run: timing is measured, not asserted.
 */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  formatDuration,
  formatRate,
  measuredMedians,
  median,
  type BenchCase,
  type BenchFigure,
  type BenchSuite,
} from './harness';

const benchDir = import.meta.dirname;

async function findBenchFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await findBenchFiles(path)));
    else if (entry.name.endsWith('.bench.ts')) files.push(path);
  }
  return files.sort();
}

async function measureCase(benchCase: BenchCase): Promise<string> {
  const runs = benchCase.runs ?? 5;
  if (benchCase.skip) return `  ${benchCase.name.padEnd(58)} skipped: ${benchCase.skip}`;
  if (benchCase.warmup !== false) await benchCase.run(); // warm-up: JIT, caches, lazy wasm
  const times: number[] = [];
  const figures: BenchFigure[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const figure = await benchCase.run();
    times.push(performance.now() - start);
    if (figure) figures.push(figure);
  }
  let text: string;
  if (figures.length > 0) {
    const value = median(figures.map((f) => f.value));
    measuredMedians.set(benchCase.name, value);
    text = `${value.toPrecision(4)} ${figures[0]!.unit}`;
  } else {
    const ms = median(times);
    measuredMedians.set(benchCase.name, ms);
    text = formatDuration(ms);
    if (benchCase.items) {
      text += `  (${formatRate((benchCase.items.count / ms) * 1000, benchCase.items.unit)})`;
    }
  }
  const goal = benchCase.goal ? `  goal ${benchCase.goal}` : '';
  return `  ${benchCase.name.padEnd(58)} ${text}${goal}  [median of ${runs}]`;
}

async function main(): Promise<void> {
  const filter = process.argv[2]?.toLowerCase();
  const files = await findBenchFiles(benchDir);
  for (const file of files) {
    const { suite } = (await import(pathToFileURL(file).href)) as { suite: BenchSuite };
    const cases = suite.cases.filter(
      (c) => !filter || `${suite.name} ${c.name}`.toLowerCase().includes(filter),
    );
    if (cases.length === 0) continue;
    console.log(`${suite.name}  (${relative(benchDir, file)})`);
    await suite.setup?.();
    try {
      for (const benchCase of cases) console.log(await measureCase(benchCase));
    } finally {
      await suite.teardown?.();
    }
  }
}

await main();
