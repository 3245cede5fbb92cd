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
import { fitSlidesToPages } from './print-fit';
import { onDeckKey, type DeckEffect, type DeckState } from './deck-keys';
import { urlWithSlide } from './deck-url';
import { SlideInputs } from './slide-inputs';
import { snapshotHtml, snapshotOutputs } from './slide-snapshot';
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
  /** The element a cell's output is drawn in (null for cells with none on a slide: code, notes). */
  outputElement(cellId: string): HTMLElement | null;
  /** Leave presentation mode (Esc). */
  leave(): void;
}

export class DeckController {
  state: DeckState;
  private readonly memory = new SlideInputs();
  private channel: ReturnType<typeof openDeckChannel> | null = null;
  private inputsPosted = false;
  private root: HTMLElement | null = null;
  /** The presenter window has said hello: keep it sent copies of the current and next slide. */
  private mirror: MutationObserver | null = null;
  private mirrorDue = 0;
  private mirrored = '';
  /** The overview's thumbnails, copied from the slides when it opens. */
  thumbnails: { element: HTMLElement; width: number; height: number }[] = [];

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
      this.postSlidesSoon();
    });
  };

  /** Printing: each slide scaled to fit one 16:9 page as wide as the window. */
  private readonly onBeforePrint = (): void => {
    if (this.root) fitSlidesToPages(this.root, (document.documentElement.clientWidth * 9) / 16);
  };

  start(root: HTMLElement): void {
    addEventListener('keydown', this.onKeyDown);
    if (this.printing) addEventListener('beforeprint', this.onBeforePrint);
    root.addEventListener('input', this.onInput);
    this.root = root;
    this.channel = openDeckChannel(this.host.path, (message) => this.onMessage(message));
    this.showIndex();
  }

  stop(): void {
    removeEventListener('keydown', this.onKeyDown);
    removeEventListener('beforeprint', this.onBeforePrint);
    this.root?.removeEventListener('input', this.onInput);
    this.channel?.close();
    this.channel = null;
    this.mirror?.disconnect();
    this.mirror = null;
    clearTimeout(this.mirrorDue);
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
    if (next.overview && !this.state.overview) this.thumbnails = this.copySlides();
    if (!next.overview) this.thumbnails = [];
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
    this.postSlidesSoon();
  }

  private outputsOf(index: number): (HTMLElement | null)[] {
    return (this.host.slides[index]?.cellIds ?? []).map((id) => this.host.outputElement(id));
  }

  /** Every slide's outputs copied for the overview, with the slide frame's size to scale them from. */
  private copySlides(): DeckController['thumbnails'] {
    const frame = this.root?.querySelector('main.page')?.getBoundingClientRect();
    const width = Math.max(320, frame?.width ?? 1280);
    const height = Math.max(180, frame?.height ?? (width * 9) / 16);
    return this.host.slides.map((_, index) => {
      const element = document.createElement('div');
      element.append(snapshotOutputs(this.outputsOf(index)));
      return { element, width, height };
    });
  }

  /**
   * Send the presenter window the current and next slide's outputs as they are now, once the page has been
   * quiet for a moment (a refit redraws several charts in a row), and only when they changed.
   */
  private postSlidesSoon(): void {
    if (!this.mirror || this.printing) return;
    clearTimeout(this.mirrorDue);
    this.mirrorDue = window.setTimeout(() => {
      const { index } = this.state;
      const current = snapshotHtml(this.outputsOf(index));
      const next = snapshotHtml(this.outputsOf(index + 1));
      const key = `${index}\n${current}\n${next}`;
      if (key === this.mirrored) return;
      this.mirrored = key;
      this.channel?.post({ type: 'slides', index, current, next });
    }, 80);
  }

  private startMirror(): void {
    if (this.mirror || !this.root) return;
    this.mirror = new MutationObserver(() => this.postSlidesSoon());
    this.mirror.observe(this.root, { subtree: true, childList: true, characterData: true });
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
    if (message.type === 'hello') {
      this.mirrored = '';
      this.startMirror();
      this.postState();
      this.postSlidesSoon();
    } else if (message.type === 'go') this.go(message.index);
  }
}
