/**
 * Presentation keys as a pure state machine: a key and the deck's state in, the next state and what the page
 * must do out (full screen, leave, open the presenter window). The DOM side only forwards keys and applies.
 */

export interface DeckState {
  /** The current slide, 0-based. */
  index: number;
  count: number;
  /** The overview grid (O) is open; arrows then move its selection, Enter opens it. */
  overview: boolean;
  /** Digits typed after G, or null when not going to a slide. */
  goTo: string | null;
}

export type DeckEffect = 'toggle-fullscreen' | 'leave' | 'open-presenter';

export interface KeyResult {
  state: DeckState;
  effect: DeckEffect | null;
  /** False when the key means nothing here (let the browser have it). */
  handled: boolean;
}

const NEXT = new Set(['ArrowRight', ' ', 'PageDown', 'ArrowDown']);
const PREVIOUS = new Set(['ArrowLeft', 'PageUp', 'ArrowUp']);

const clamp = (index: number, count: number): number => Math.max(0, Math.min(count - 1, index));

/**
 * @example
 * onDeckKey({ index: 0, count: 5, overview: false, goTo: null }, 'ArrowRight').state.index; // 1
 */
export function onDeckKey(state: DeckState, key: string): KeyResult {
  const done = (next: Partial<DeckState>, effect: DeckEffect | null = null): KeyResult => ({
    state: { ...state, ...next, index: clamp(next.index ?? state.index, state.count) },
    effect,
    handled: true,
  });
  if (state.goTo !== null) {
    if (/^[0-9]$/.test(key)) return done({ goTo: state.goTo + key });
    if (key === 'Backspace') return done({ goTo: state.goTo.slice(0, -1) });
    if (key === 'Enter') {
      const target = Number(state.goTo);
      return done(state.goTo && target >= 1 ? { goTo: null, index: target - 1 } : { goTo: null });
    }
    if (key === 'Escape' || key === 'g' || key === 'G') return done({ goTo: null });
    return { state, effect: null, handled: false };
  }
  if (NEXT.has(key)) return done({ index: state.index + 1 });
  if (PREVIOUS.has(key)) return done({ index: state.index - 1 });
  switch (key) {
    case 'Home':
      return done({ index: 0 });
    case 'End':
      return done({ index: state.count - 1 });
    case 'Enter':
      return state.overview ? done({ overview: false }) : { state, effect: null, handled: false };
    case 'o':
    case 'O':
      return done({ overview: !state.overview });
    case 'g':
    case 'G':
      return done({ goTo: '' });
    case 'f':
    case 'F':
      return done({}, 'toggle-fullscreen');
    case 's':
    case 'S':
      return done({}, 'open-presenter');
    case 'Escape':
      return state.overview ? done({ overview: false }) : done({}, 'leave');
    default:
      return { state, effect: null, handled: false };
  }
}
