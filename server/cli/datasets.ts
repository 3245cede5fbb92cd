/**
 * `npm run datasets [-- --seed N --out DIR]`: regenerate the bundled simulated datasets and the catalog,
 * printing the time each dataset took.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { DEFAULT_SEED, generateBundledDatasets } from '../datasets/generate';

const { values } = parseArgs({
  options: { seed: { type: 'string' }, out: { type: 'string' } },
});
const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
if (!Number.isInteger(seed) || seed < 0) throw new RangeError(`invalid seed: ${values.seed}`);
const datasetsDir =
  values.out === undefined ? loadConfig(process.env).datasetsDir : resolve(values.out);
const t0 = performance.now();
const catalog = await generateBundledDatasets({
  datasetsDir,
  seed,
  log: (m) => console.log(`  ${m}`),
});
for (const d of catalog.datasets)
  console.log(
    `  ${d.name.padEnd(16)} ${String(d.rows).padStart(9)} rows ${(d.bytes / 1e6).toFixed(1).padStart(7)} MB`,
  );
console.log(
  `datasets written to ${datasetsDir} (seed ${seed}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
