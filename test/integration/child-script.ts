/**
 * A real second process for cross-process tests: a TypeScript module run by Node with tsx, fed JSON lines on
 * stdin and answering JSON lines on stdout.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

export const repoRoot = resolve(import.meta.dirname, '../..');

export interface ChildScript {
  proc: ChildProcessByStdio<Writable, Readable, null>;
  /** The next line the child prints, parsed as JSON. */
  next(): Promise<unknown>;
  send(message: unknown): void;
  /** Resolves with the exit code, or the signal that ended it. */
  exited: Promise<number | string>;
}

/**
 * Run `code` (an ES module; import repository files by absolute path, see `repoPath`).
 *
 * @example
 * const child = startChild(`console.log(JSON.stringify({ pid: process.pid }))`);
 * await child.next(); // { pid: 1234 }
 */
export function startChild(code: string): ChildScript {
  const proc = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<number | string>((done) =>
    proc.once('exit', (code, signal) => done(code ?? signal ?? 'unknown')),
  );
  return {
    proc,
    async next() {
      const line = await lines.next();
      if (line.done) throw new Error('the child exited before answering');
      return JSON.parse(line.value) as unknown;
    },
    send: (message) => proc.stdin.write(`${JSON.stringify(message)}\n`),
    exited,
  };
}

/** A repository file's absolute path as a string literal for an import in a child script. */
export function repoPath(path: string): string {
  return JSON.stringify(resolve(repoRoot, path));
}
