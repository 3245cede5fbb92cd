import { afterEach, describe, expect, it } from 'vitest';
import { compile } from '../../../web/notebook/compile';
import { isHeld } from '../../../web/notebook/held';
import { parse } from '../../../web/notebook/parse';
import { NotebookSession } from '../../../web/notebook/session';
import { PrecomputedGate } from '../../../web/viewer/precomputed-gate';

const js = (source: string) => '```js\n' + source + '\n```\n';

/** An input the way `view()` sees one: an event target with a value. */
function knob(value: number): EventTarget & { value: number } {
  return Object.assign(new EventTarget(), { value });
}

async function settle(rounds = 8): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setImmediate(r));
}

const sessions: NotebookSession[] = [];
afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
});

/** The notebook: an input `n`, a costly `base`, `scaled` reading both, `other` reading `base` only. */
function gatedNotebook(precomputedNames: string[]) {
  const runs: string[] = [];
  const input = knob(2);
  const text =
    js('const n = view(input)') +
    js("const base = (ran('base'), 10)") +
    js("const scaled = (ran('scaled'), base * n)") +
    js("const other = (ran('other'), base + 1)");
  const compiled = compile(parse(text));
  const idOf = (name: string) => compiled.cells.find((c) => c.outputs.includes(name))!.id;
  const values = new Map<string, unknown[]>();
  let session: NotebookSession | null = null;
  const gate = new PrecomputedGate({
    cells: compiled.cells,
    precomputed: new Set(precomputedNames.map(idOf)),
    rerun: (id) => session!.rerun(id),
  });
  session = new NotebookSession({
    builtins: { input, ran: (name: string) => runs.push(name) },
    hold: (cell, inputs) => gate.hold(cell, inputs),
    observer: (id) => {
      values.set(id, []);
      return { fulfilled: (v) => values.get(id)!.push(v) };
    },
  });
  sessions.push(session);
  session.update(compiled);
  const change = (value: number) => {
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  return { runs, change, valuesOf: (name: string) => values.get(idOf(name))! };
}

describe('PrecomputedGate', () => {
  it('holds every precomputed cell on the first paint: none of them runs', async () => {
    const { runs, valuesOf } = gatedNotebook(['n', 'base', 'scaled', 'other']);
    await settle();
    expect(runs).toEqual([]);
    expect(valuesOf('scaled').map(isHeld)).toEqual([true]);
    expect(valuesOf('other').map(isHeld)).toEqual([true]);
  });

  it('runs the dependents of a changed input, waking the held cells they read, and no others', async () => {
    const { runs, change, valuesOf } = gatedNotebook(['n', 'base', 'scaled', 'other']);
    await settle();
    change(3);
    await settle();
    expect(runs).toEqual(['base', 'scaled']);
    expect(valuesOf('scaled').at(-1)).toEqual({ scaled: 30 });
    expect(valuesOf('other')).not.toContainEqual({ other: 11 });
    // Back to the exported value: `scaled` shows a live output now, so it runs again; `base` does not.
    change(2);
    await settle();
    expect(runs).toEqual(['base', 'scaled', 'scaled']);
    expect(valuesOf('scaled').at(-1)).toEqual({ scaled: 20 });
  });

  it('runs cells with no precomputed output as usual', async () => {
    const { runs, valuesOf } = gatedNotebook([]);
    await settle();
    expect([...runs].sort()).toEqual(['base', 'other', 'scaled']);
    expect(valuesOf('other').at(-1)).toEqual({ other: 11 });
  });
});
