import { afterEach, describe, expect, it } from 'vitest';
import { NotebookSession, type SessionOptions } from '../../../web/notebook/session';
import type { CellObserver } from '../../../web/notebook/define';

interface Log {
  fulfilled: unknown[];
  rejected: unknown[];
  displayed: unknown[];
  clears: number;
}

/** A session whose observers record everything per cell, keyed by the cell's first line. */
function recordingSession(options: SessionOptions = {}) {
  const logs = new Map<string, Log>();
  const session = new NotebookSession({
    ...options,
    observer: (id): CellObserver => {
      const log: Log = { fulfilled: [], rejected: [], displayed: [], clears: 0 };
      logs.set(id, log);
      return {
        fulfilled: (v) => log.fulfilled.push(v),
        rejected: (e) => log.rejected.push(e),
        display: (v) => log.displayed.push(v),
        clear: () => {
          log.clears++;
          log.displayed = [];
        },
      };
    },
  });
  sessions.push(session);
  return { session, logs };
}

const sessions: NotebookSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
});

/** Lets the runtime compute (it schedules with setImmediate in Node) and promises settle. */
async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setImmediate(r));
}

const js = (source: string, info = 'js') => '```' + info + '\n' + source + '\n```\n';

describe('NotebookSession', () => {
  it('recomputes only the dependents of an edited cell', async () => {
    const counts = { a: 0, b: 0, c: 0, d: 0 };
    const { session } = recordingSession({
      builtins: { count: (k: keyof typeof counts) => ++counts[k] },
    });
    const text = (aValue: number, dValue: number) =>
      js(`const a = (count('a'), ${aValue})`) +
      js(`const b = (count('b'), a + 1)`) +
      js(`const c = (count('c'), a * 10)`) +
      js(`const d = (count('d'), ${dValue})`);
    session.updateSource(text(1, 5));
    await settle();
    expect(counts).toEqual({ a: 1, b: 1, c: 1, d: 1 });
    expect(await session.value('c')).toBe(10);

    const changes = session.updateSource(text(2, 5)).changes!;
    expect(changes.added.length).toBe(1);
    expect(changes.removed.length).toBe(1);
    expect(changes.unchanged.length).toBe(3);
    await settle();
    expect(counts).toEqual({ a: 2, b: 2, c: 2, d: 1 });
    expect(await session.value('b')).toBe(3);

    session.updateSource(text(2, 6));
    await settle();
    expect(counts).toEqual({ a: 2, b: 2, c: 2, d: 2 });
    expect(await session.value('d')).toBe(6);
  });

  it('reports a throwing cell as rejected while the others stay fulfilled', async () => {
    const { session, logs } = recordingSession();
    const { compiled } = session.updateSource(
      js('const x = 1') + js('const y = (() => { throw new Error("boom") })()') + js('x + 1'),
    );
    await settle();
    const [x, y, z] = compiled!.cells.map((c) => logs.get(c.id)!);
    expect(x!.fulfilled).toEqual([{ x: 1 }]);
    expect(y!.rejected.map((e) => (e as Error).message)).toEqual(['boom']);
    expect(y!.fulfilled).toEqual([]);
    expect(z!.fulfilled).toEqual([2]);
    expect(z!.displayed).toEqual([2]);
  });

  it('rejects an undefined name with "x is not defined"', async () => {
    const { session, logs } = recordingSession({ builtins: { known: 1 } });
    const { compiled } = session.updateSource(js('known + nope'));
    await settle();
    const log = logs.get(compiled!.cells[0]!.id)!;
    expect(log.rejected.map((e) => (e as Error).message)).toEqual(['nope is not defined']);
  });

  it('propagates the values of a view() input to its dependents', async () => {
    const input = Object.assign(new EventTarget(), { value: 3 as unknown });
    const seen: unknown[] = [];
    const { session, logs } = recordingSession({ builtins: { input, seen } });
    const { compiled } = session.updateSource(
      js('const states = view(input)') + js('seen.push(states * 2)'),
    );
    await settle();
    expect(seen).toEqual([6]);
    expect(logs.get(compiled!.cells[0]!.id)!.displayed).toEqual([input]);
    input.value = 4;
    input.dispatchEvent(new Event('input'));
    await settle();
    expect(seen).toEqual([6, 8]);
    expect(await session.value('states')).toBe(4);
  });

  it('stops listening to a view() input once its cell is redefined', async () => {
    const first = Object.assign(new EventTarget(), { value: 1 as unknown });
    const second = Object.assign(new EventTarget(), { value: 10 as unknown });
    const seen: unknown[] = [];
    const { session } = recordingSession({ builtins: { first, second, seen } });
    session.updateSource(js('const v = view(first)') + js('seen.push(v)'));
    await settle();
    session.updateSource(js('const v = view(second)') + js('seen.push(v)'));
    await settle();
    first.value = 2;
    first.dispatchEvent(new Event('input'));
    await settle();
    expect(seen).toEqual([1, 10]);
  });

  it('keeps the last good graph when the text does not parse', async () => {
    const { session } = recordingSession({ lazyBuiltins: { answer: () => Promise.resolve(42) } });
    session.updateSource(js('const x = answer'));
    expect(await session.value('x')).toBe(42);
    const result = session.updateSource('```js\nconst x = 1\n');
    expect(result.errors).toEqual([
      { message: 'unterminated fence', line: 1, column: 1, offset: 0 },
    ]);
    expect(result.changes).toBeNull();
    expect(await session.value('x')).toBe(42);
  });

  it('displays explicit display() calls in order and clears them on the next run', async () => {
    const { session, logs } = recordingSession();
    const { compiled } = session.updateSource(
      js('const n = 2') + js('for (let i = 0; i < n; i++) display(i)'),
    );
    await settle();
    const log = logs.get(compiled!.cells[1]!.id)!;
    expect(log.displayed).toEqual([0, 1]);
    session.updateSource(js('const n = 3') + js('for (let i = 0; i < n; i++) display(i)'));
    await settle();
    expect(log.displayed).toEqual([0, 1, 2]);
  });

  it('runs SQL cells through the injected sql() with bound parameters and table links', async () => {
    const calls: { query: string; params: unknown[]; datasets: string[] }[] = [];
    const sql = async (query: string, params: unknown[], context: { datasets: string[] }) => {
      calls.push({ query, params, datasets: context.datasets });
      return { rows: params.length };
    };
    const { session } = recordingSession({ sql });
    const text = (lo: number) =>
      js(`const lo = ${lo}`) +
      js('CREATE TABLE hi AS SELECT * FROM trades WHERE px > ${lo}', 'sql') +
      js('SELECT count(*) FROM hi', 'sql id=n');
    session.updateSource(text(1));
    expect(await session.value('n')).toEqual({ rows: 0 });
    expect(calls).toEqual([
      {
        query: 'CREATE TABLE hi AS SELECT * FROM trades WHERE px > ?',
        params: [1],
        datasets: ['trades'],
      },
      { query: 'SELECT count(*) FROM hi', params: [], datasets: [] },
    ]);
    session.updateSource(text(2));
    await settle();
    expect(calls.slice(2).map((c) => c.params)).toEqual([[2], []]);
  });

  it('renders Markdown cells with interpolated values, escaped', async () => {
    const { session, logs } = recordingSession({ markdown: (s) => `<p>${s}</p>` });
    const { compiled } = session.updateSource(js('const who = "<b>"') + 'Hello ${who}, ${[1]}\n');
    await settle();
    const [output] = logs.get(compiled!.cells[1]!.id)!.fulfilled as { html: string }[];
    expect(output!.html).toBe('<p>Hello &#60;b&#62;, <span data-vollab-slot="1"></span></p>');
  });

  it('turns a name defined by two cells into an error on both, leaving the rest running', async () => {
    const { session, logs } = recordingSession();
    const { compiled } = session.updateSource(
      js('const x = 1') + js('const x = 2') + js('const y = 3'),
    );
    await settle();
    const [a, b, c] = compiled!.cells.map((cell) => logs.get(cell.id)!);
    expect(a!.rejected.map((e) => (e as Error).message)).toEqual([
      'x is defined by more than one cell',
    ]);
    expect(b!.rejected.length).toBe(1);
    expect(c!.fulfilled).toEqual([{ y: 3 }]);
    await expect(session.value('x')).rejects.toThrow('x is defined more than once');
  });
});
