import { describe, expect, it } from 'vitest';
import { modelName } from '../../../server/models/names';
import { modelText } from '../../../server/models/validate';

const status = (fn: () => unknown): number | null => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as { status: number }).status;
  }
};

describe('model names', () => {
  it('accepts plain names with dots, dashes and underscores', () => {
    for (const name of ['a', 'btc-har', 'eth_garch.t', 'v2.1-final'])
      expect(modelName(name)).toBe(name);
  });

  it('403s separators and dot names, 400s the rest', () => {
    for (const name of ['../x', 'a/b', 'a\\b', '.x', '..', 'c:x', '%2e'])
      expect(
        status(() => modelName(name)),
        name,
      ).toBe(403);
    for (const name of ['', 'a b', '-a', 'é', 'a\u0000', 'x'.repeat(101), 42])
      expect(
        status(() => modelName(name)),
        String(name),
      ).toBe(400);
  });
});

describe('model bodies', () => {
  it('canonicalizes the JSON text and names the kind', () => {
    expect(modelText('{ "kind": "garch", "omega": 1 }')).toEqual({
      text: '{"kind":"garch","omega":1}',
      kind: 'garch',
    });
  });

  it('checks tfjs artifacts: topology object, specs array, base64 weights', () => {
    const ok = { modelTopology: {}, weightSpecs: [], weightData: 'AAAAAA==' };
    expect(modelText(JSON.stringify(ok)).kind).toBe('tfjs');
    expect(status(() => modelText(JSON.stringify({ ...ok, weightData: 'AAA' })))).toBe(400);
    expect(status(() => modelText(JSON.stringify({ ...ok, weightSpecs: {} })))).toBe(400);
    expect(
      status(() =>
        modelText(JSON.stringify({ kind: 'neural', model: { ...ok, modelTopology: 1 } })),
      ),
    ).toBe(400);
  });
});
