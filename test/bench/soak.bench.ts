/**
 * Soak: the sidecar with the simulated exchange on loopback (its own process), under the probe's mix
 * (`soak/load.ts`) for `SOAK_SECONDS` (default 600), then idle for 75 s. Reports the sidecar's RSS and CPU
 * (average over the preceding 30 s) before the load, at its start, middle and end, and after the idle pause,
 * plus the status counts. `VOLLAB_TOKEN` is used when set (else a random one); requests send it as a Bearer.
 *
 *   flock /tmp/vollab-e2e.lock env SOAK_SECONDS=180 npm run bench -- soak
 */
import { randomBytes } from 'node:crypto';
import type { BenchSuite } from './harness';
import { runLoad, type LoadReport } from './soak/load';
import { startSidecarProcess, type SidecarProcess } from './soak/sidecar-process';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const SAMPLE_MS = 5000;
// The surface service lets a currency go 30 s after its last use; the CPU figure averages the 30 s before the
// sample, so the idle sample must come at least 60 s after the load for the let-go to show.
const IDLE_MS = 75_000;
const MB = 1024 * 1024;

interface Sample {
  at: number;
  rss: number;
  cpu: number;
}

let sidecar: SidecarProcess | undefined;
const samples: Sample[] = [];
let report: LoadReport | undefined;
let loadStart = 0;
let loadEnd = 0;

async function sample(): Promise<Sample> {
  const s = { at: Date.now(), rss: await sidecar!.rss(), cpu: await sidecar!.cpuSeconds() };
  samples.push(s);
  return s;
}

/** The sample nearest `at`, with CPU as a percentage of one core over the 30 s before it. */
function figureAt(at: number): { rss: number; cpuPercent: number } {
  const near = samples.reduce((a, b) => (Math.abs(b.at - at) < Math.abs(a.at - at) ? b : a));
  const earlier = samples.filter((s) => s.at <= near.at - 30_000);
  const from = earlier[earlier.length - 1] ?? samples[0]!;
  const seconds = (near.at - from.at) / 1000;
  return { rss: near.rss, cpuPercent: seconds > 0 ? (100 * (near.cpu - from.cpu)) / seconds : 0 };
}

const phases = () => ({
  'before load': figureAt(loadStart),
  'load start (+30 s)': figureAt(loadStart + 30_000),
  'load middle': figureAt((loadStart + loadEnd) / 2),
  'load end': figureAt(loadEnd),
  [`idle ${IDLE_MS / 1000} s after`]: figureAt(loadEnd + IDLE_MS),
});

function printReport(): void {
  console.log(`  soak: ${SECONDS} s of load, sidecar pid ${sidecar!.pid}`);
  for (const [name, f] of Object.entries(phases()))
    console.log(
      `    ${name.padEnd(22)} RSS ${(f.rss / MB).toFixed(0).padStart(5)} MB   CPU ${f.cpuPercent.toFixed(1).padStart(5)} %`,
    );
  const underLoad = samples.filter((x) => x.at >= loadStart && x.at <= loadEnd);
  const peak = Math.max(...underLoad.map((x) => x.rss));
  console.log(
    `    peak RSS under load     ${(peak / MB).toFixed(0)} MB (sampled every ${SAMPLE_MS / 1000} s)`,
  );
  const keys = [...report!.statuses.keys()].sort();
  console.log(`    statuses: ${keys.map((k) => `${k}: ${report!.statuses.get(k)}`).join(', ')}`);
  console.log(`    /api/live: ${report!.liveMessages} messages, ${report!.liveCloses} closes`);
}

export const suite: BenchSuite = {
  name: 'soak',
  async setup() {
    sidecar = await startSidecarProcess(
      process.env.VOLLAB_TOKEN ?? randomBytes(24).toString('hex'),
    );
    const timer = setInterval(() => void sample(), SAMPLE_MS);
    try {
      await new Promise((r) => setTimeout(r, 30_000)); // the exchange catches up, caches warm, idle baseline
      await sample();
      loadStart = Date.now();
      report = await runLoad(sidecar, loadStart + SECONDS * 1000);
      loadEnd = Date.now();
      await sample();
      await new Promise((r) => setTimeout(r, IDLE_MS));
      await sample();
    } finally {
      clearInterval(timer);
    }
    printReport();
  },
  async teardown() {
    await sidecar?.stop();
  },
  cases: [
    {
      name: 'RSS at load end',
      runs: 1,
      run: () => ({ value: phases()['load end'].rss / MB, unit: 'MB' }),
    },
    {
      name: `RSS idle ${IDLE_MS / 1000} s after the load`,
      runs: 1,
      run: () => ({ value: figureAt(loadEnd + IDLE_MS).rss / MB, unit: 'MB' }),
    },
    {
      name: 'CPU over the last 30 s of load',
      runs: 1,
      run: () => ({ value: phases()['load end'].cpuPercent, unit: '% of a core' }),
    },
    {
      name: `CPU idle ${IDLE_MS / 1000} s after the load`,
      runs: 1,
      run: () => ({ value: figureAt(loadEnd + IDLE_MS).cpuPercent, unit: '% of a core' }),
    },
    {
      name: 'requests answered with 5xx or failed',
      runs: 1,
      run: () => ({
        value: [...report!.statuses]
          .filter(([k]) => / (5\d\d|error)$/.test(k))
          .reduce((s, [, n]) => s + n, 0),
        unit: 'requests',
      }),
    },
  ],
};
