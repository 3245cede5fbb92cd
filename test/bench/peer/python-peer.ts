/**
 * Peer benchmarks: the same work done by the Python stack a researcher would otherwise use
 * (scikit-learn, statsmodels, scipy from Debian's python3-* packages), timed in the same bench run.
 * Python is only ever a yardstick here; when it or a module is missing the case is skipped, not failed.
 */
import { spawnSync } from 'node:child_process';
import type { BenchCase } from '../harness';

// Debian's interpreter first: the python3-* peers install there, and a user's pyenv/venv `python3`
// earlier on PATH usually lacks them.
const interpreters = ['/usr/bin/python3', 'python3'];
const probed = new Map<string, string | null>();

/** The first interpreter that can import every module named, or null (probed once per list). */
export function pythonWith(modules: readonly string[]): string | null {
  const key = modules.join(',');
  if (!probed.has(key)) {
    const source = modules.map((m) => `import ${m}`).join('; ');
    const found = interpreters.find(
      (python) => spawnSync(python, ['-c', source], { stdio: 'ignore' }).status === 0,
    );
    probed.set(key, found ?? null);
  }
  return probed.get(key)!;
}

export interface PythonPeer {
  /** Case name, e.g. "scikit-learn IsolationForest fit+score, 100k × 10". */
  name: string;
  /** Modules the script imports, e.g. ['sklearn', 'numpy']; the case is skipped without them. */
  modules: readonly string[];
  /** Python source. It reads the JSON `input` as the global `INPUT`, defines `def work(): ...`,
   * and the wrapper times `work()` after one warm-up call. */
  script: string;
  /** JSON-serialisable data handed to the script (e.g. the same series our side uses). */
  input?: unknown;
  /** Timed calls of `work()` in the one Python process (default 5); the median is reported. */
  runs?: number;
  goal?: string;
}

const wrapper = (runs: number): string => `
import json, sys, time, statistics
INPUT = json.loads(sys.stdin.read() or 'null')
exec(compile(open(sys.argv[1]).read(), 'peer', 'exec'))
work()
times = []
for _ in range(${runs}):
    t0 = time.perf_counter(); work(); times.append((time.perf_counter() - t0) * 1000)
print(json.dumps({'ms': statistics.median(times)}))
`;

/**
 * A bench case whose figure is the peer's own median (timed inside Python, so interpreter start-up
 * and JSON transfer are not counted against it).
 * @example pythonPeerCase({ name: 'numpy sum', modules: ['numpy'], script: 'import numpy as np\ndef work(): np.ones(10).sum()' })
 */
export function pythonPeerCase(peer: PythonPeer): BenchCase {
  const runs = peer.runs ?? 5;
  const python = pythonWith(peer.modules);
  if (!python) {
    return {
      name: peer.name,
      skip: `python3 with ${peer.modules.join(', ')} not installed`,
      run: () => undefined,
    };
  }
  return {
    name: peer.name,
    runs: 1,
    warmup: false,
    ...(peer.goal ? { goal: peer.goal } : {}),
    run: async () => {
      const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
      const { tmpdir } = await import('node:os');
      const { join } = await import('node:path');
      const dir = await mkdtemp(join(tmpdir(), 'vollab-peer-'));
      try {
        const scriptPath = join(dir, 'peer.py');
        await writeFile(scriptPath, peer.script);
        const result = spawnSync(python, ['-c', wrapper(runs), scriptPath], {
          input: JSON.stringify(peer.input ?? null),
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        });
        if (result.status !== 0)
          throw new Error(`python peer failed: ${result.stderr.slice(-400)}`);
        const { ms } = JSON.parse(result.stdout.trim().split('\n').pop()!) as { ms: number };
        return { value: ms, unit: `ms (median of ${runs} in python)` };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
