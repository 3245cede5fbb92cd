/**
 * Presentation mode over the live notebook page. Why not reveal.js: the cells are Lit-rendered elements whose
 * outputs the Observable runtime writes into directly; reveal.js wants to own `<section>` slides and would have
 * us move (or clone) those elements into its tree, which breaks Lit's rendering and the runtime's observers.
 * This controller only decides which existing rows are visible (`data-slide-index`), so every cell stays live:
 * change an input on a slide and the charts on it recompute and refit, exactly as in the notebook.
 *
 * It owns the keys (`deck-keys.ts`), the slide number in the URL, per-slide inputs (`slide-inputs.ts`) and the
 * BroadcastChannel to the presenter window (`channel.ts`).
 */
import { openDeckChannel, type DeckMessage } from './channel';
import { onDeckKey, type DeckEffect, type DeckState } from './deck-keys';
import { urlWithSlide } from './deck-url';
import { SlideInputs } from './slide-inputs';
import type { Slide } from './slides';

export interface DeckHost {
  /** The notebook's path, naming the channel to the presenter window. */
  path: string;
  slides: Slide[];
  inputs: {
    values(): Record<string, unknown>;
    set(values: Record<string, unknown>): void;
  };
  requestUpdate(): void;
  /** Leave presentation mode (Esc). */
  leave(): void;
}

export class DeckController {
  state: DeckState;
  private readonly memory = new SlideInputs();
  private channel: ReturnType<typeof openDeckChannel> | null = null;
  private inputsPosted = false;
  private root: HTMLElement | null = null;

  constructor(
    private readonly host: DeckHost,
    index: number,
    /** Show every slide at once, each starting a printed page. */
    readonly printing = false,
  ) {
    const count = Math.max(1, host.slides.length);
    this.state = { index: Math.min(index, count - 1), count, overview: false, goTo: null };
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    // Keys typed into an input (a number field, a range's arrows) belong to it, except Escape.
    const target = event.composedPath()[0];
    const typing =
      target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (typing && event.key !== 'Escape') return;
    const result = onDeckKey(this.state, event.key);
    if (!result.handled) return;
    event.preventDefault();
    this.apply(result.state, result.effect);
  };

  private readonly onInput = (): void => {
    // Many input events come in one gesture: post once, after they settle into this task.
    if (this.inputsPosted) return;
    this.inputsPosted = true;
    queueMicrotask(() => {
      this.inputsPosted = false;
      this.postState();
    });
  };

  start(root: HTMLElement): void {
    addEventListener('keydown', this.onKeyDown);
    root.addEventListener('input', this.onInput);
    this.root = root;
    this.channel = openDeckChannel(this.host.path, (message) => this.onMessage(message));
    this.showIndex();
  }

  stop(): void {
    removeEventListener('keydown', this.onKeyDown);
    this.root?.removeEventListener('input', this.onInput);
    this.channel?.close();
    this.channel = null;
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    history.replaceState(history.state, '', urlWithSlide(location.href, null));
  }

  /** Is slide `index`'s content shown now (not in the overview)? */
  shows(index: number): boolean {
    return this.printing || (!this.state.overview && index === this.state.index);
  }

  go(index: number): void {
    this.apply({ ...this.state, index: Math.max(0, Math.min(this.state.count - 1, index)) }, null);
  }

  closeOverview(index: number): void {
    this.apply({ ...this.state, index, overview: false }, null);
  }

  private apply(next: DeckState, effect: DeckEffect | null): void {
    const from = this.state.index;
    this.state = next;
    if (next.index !== from) {
      const restore = this.memory.move(from, next.index, this.host.inputs.values());
      if (restore) this.host.inputs.set(restore);
      this.showIndex();
    }
    if (effect === 'toggle-fullscreen') {
      const request = document.fullscreenElement
        ? document.exitFullscreen()
        : document.documentElement.requestFullscreen();
      void request.catch(() => undefined);
    } else if (effect === 'open-presenter') {
      open(urlWithSlide(location.href, this.state.index, 'presenter'), 'vollab-presenter', 'popup');
    } else if (effect === 'leave') {
      this.host.leave();
      return;
    }
    this.host.requestUpdate();
  }

  private showIndex(): void {
    history.replaceState(history.state, '', urlWithSlide(location.href, this.state.index));
    this.postState();
  }

  private postState(): void {
    this.channel?.post({
      type: 'state',
      index: this.state.index,
      count: this.state.count,
      inputs: this.host.inputs.values(),
    });
  }

  private onMessage(message: DeckMessage): void {
    if (message.type === 'hello') this.postState();
    else if (message.type === 'go') this.go(message.index);
  }
}
