import { describe, expect, it } from 'vitest';
import { bendThroughAnchors } from '../../../server/simulator/anchors';

describe('bendThroughAnchors', () => {
  it('adds a constant drift per segment so the path hits each anchor (hand-worked)', () => {
    const r = Float64Array.from([0.1, 0.1, 0.2, -0.2]);
    // Anchors: log price 1 before step 1, log price 2 after step 3 (index 4).
    const p0 = bendThroughAnchors(r, [
      [1, 1],
      [4, 2],
    ]);
    // Segment 1..4 simulated 0.1 + 0.2 − 0.2 = 0.1, needs 1: add 0.3 per step.
    expect(Array.from(r)).toEqual(
      [0.1, 0.1 + 0.3, 0.2 + 0.3, -0.2 + 0.3].map((x) => expect.closeTo(x, 12)),
    );
    expect(p0).toBeCloseTo(0.9, 12);
    expect(p0 + r.reduce((a, b) => a + b, 0)).toBeCloseTo(2, 12);
  });

  it('rejects anchors out of order', () => {
    expect(() => bendThroughAnchors(new Float64Array(3), [[2, 0], [1, 0]])).toThrow('invalid anchor index: 1'); // prettier-ignore
  });
});
