import { describe, expect, it } from 'vitest';
import { BUILTIN_NAMES } from '../../../../web/editor/completion/builtin-names';
import { cellLocals } from '../../../../web/notebook/js-globals';
import { createBuiltins } from '../../../../web/runtime/builtins';
import type { DatasetStore } from '../../../../web/data/datasets';

describe('the completion list of builtins', () => {
  it('names exactly what a notebook session is given, eager, lazy and cell-local', () => {
    // The store is never called: only the builtins' names are read.
    const session = createBuiltins({} as DatasetStore);
    const given = [
      ...Object.keys(session.builtins),
      ...Object.keys(session.lazyBuiltins),
      ...cellLocals,
    ].sort();
    expect(BUILTIN_NAMES.map((b) => b.name).sort()).toEqual(given);
  });
});
