import { describe, expect, it } from 'vitest';
import { clampDockWidth } from '../../../web/live/dock-width';

describe('clampDockWidth', () => {
  it('keeps a width that fits, clamps one that does not, and defaults to 40% of the window', () => {
    expect(clampDockWidth(500, 1400)).toBe(500);
    expect(clampDockWidth(100, 1400)).toBe(320);
    expect(clampDockWidth(1300, 1400)).toBe(1120);
    expect(clampDockWidth(NaN, 1400)).toBe(560);
    expect(clampDockWidth(0, 1400)).toBe(560);
    expect(clampDockWidth(600, 300)).toBe(320); // a narrow window: the minimum wins
  });
});
