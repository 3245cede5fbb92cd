import { describe, expect, it } from 'vitest';
import { onDeckKey, type DeckState } from '../../../web/present/deck-keys';

const start: DeckState = { index: 0, count: 5, overview: false, goTo: null };

/** Feed keys in order; the final result. */
function press(state: DeckState, ...keys: string[]) {
  let result = { state, effect: null as string | null, handled: false };
  for (const key of keys) result = onDeckKey(result.state, key);
  return result;
}

describe('presentation keys', () => {
  it('moves with → Space PageDown and ←, and stops at both ends', () => {
    expect(press(start, 'ArrowRight', ' ', 'PageDown').state.index).toBe(3);
    expect(press(start, 'ArrowRight', ' ', 'PageDown', 'ArrowLeft').state.index).toBe(2);
    expect(press(start, 'ArrowLeft').state.index).toBe(0);
    expect(press(start, 'End', 'ArrowRight', 'ArrowRight').state.index).toBe(4);
    expect(press(start, 'End', 'Home').state.index).toBe(0);
  });

  it('goes to a typed slide number after G (1-based), ignoring out-of-range numbers by clamping', () => {
    expect(press(start, 'g', '3', 'Enter').state).toEqual({ ...start, index: 2 });
    expect(press(start, 'G', '9', '9', 'Enter').state.index).toBe(4);
    expect(press(start, 'g', '4', 'Backspace', '2', 'Enter').state.index).toBe(1);
    // Escape while typing cancels the G, it does not leave the deck.
    const cancelled = press(start, 'ArrowRight', 'g', '4', 'Escape');
    expect(cancelled.state).toEqual({ ...start, index: 1 });
    expect(cancelled.effect).toBeNull();
    // While typing, arrows are not slide moves.
    expect(press(start, 'g', 'ArrowRight').handled).toBe(false);
  });

  it('opens the overview with O, moves in it, and Enter or Escape close it without leaving', () => {
    const opened = press(start, 'o', 'ArrowRight', 'ArrowRight');
    expect(opened.state).toEqual({ ...start, index: 2, overview: true });
    expect(press(opened.state, 'Enter').state.overview).toBe(false);
    const escaped = press(opened.state, 'Escape');
    expect(escaped.state.overview).toBe(false);
    expect(escaped.effect).toBeNull();
  });

  it('asks the page for full screen (F), the presenter window (S) and to leave (Esc)', () => {
    expect(press(start, 'f').effect).toBe('toggle-fullscreen');
    expect(press(start, 'S').effect).toBe('open-presenter');
    expect(press(start, 'Escape').effect).toBe('leave');
    expect(press(start, 'x')).toMatchObject({ handled: false, effect: null });
    expect(press(start, 'Enter').handled).toBe(false);
  });
});
