/**
 * What presentation mode draws around the live cells: the slide counter, the G prompt, the overview grid of
 * slide thumbnails (copies of each slide's outputs, scaled down from the slide frame) and small navigation
 * buttons. Pure rendering over the controller's state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { DeckController } from './deck-controller';
import type { Slide } from './slides';

/**
 * @example
 * html`${renderDeckChrome(deck, slides, () => page.leavePresentation())}`;
 */
export function renderDeckChrome(
  deck: DeckController,
  slides: readonly Slide[],
  leave: () => void,
): TemplateResult {
  const { index, count, overview, goTo } = deck.state;
  return html`${
      overview
        ? html`<ol class="deck-overview" data-deck-overview>
            ${slides.map(
              (slide, i) =>
                html`<li>
                  <button
                    class=${i === index ? 'current' : ''}
                    data-overview-slide=${i}
                    @click=${() => deck.closeOverview(i)}
                  >
                    <span class="deck-thumb-caption"
                      ><span class="deck-number">${i + 1}</span> ${slide.title}</span
                    >
                    ${renderThumbnail(deck.thumbnails[i], i)}
                  </button>
                </li>`,
            )}
          </ol>`
        : nothing
    }
    ${
      goTo !== null
        ? html`<div class="deck-goto" role="status" data-deck-goto>
            Go to slide: ${goTo}<span class="caret">▍</span> (Enter)
          </div>`
        : nothing
    }
    <nav class="deck-nav" aria-label="Slides">
      <button title="Previous (←)" @click=${() => deck.go(index - 1)}>‹</button>
      <span data-slide-counter>${index + 1} / ${count}</span>
      <button title="Next (→)" @click=${() => deck.go(index + 1)}>›</button>
      <button title="Leave (Esc)" @click=${leave}>✕</button>
    </nav>`;
}

/** Thumbnails are this wide; the copy inside is laid out at the slide frame's size and scaled down. */
export const THUMBNAIL_WIDTH = 240;

function renderThumbnail(
  thumbnail: DeckController['thumbnails'][number] | undefined,
  index: number,
) {
  if (!thumbnail) return nothing;
  const scale = THUMBNAIL_WIDTH / thumbnail.width;
  const slide = styleMap({
    width: `${thumbnail.width}px`,
    height: `${thumbnail.height}px`,
    transform: `scale(${scale})`,
  });
  return html`<span
    inert
    class="deck-thumb"
    data-overview-thumb=${index}
    style=${styleMap({ height: `${Math.round(thumbnail.height * scale)}px` })}
    ><span class="deck-thumb-slide" style=${slide}>${thumbnail.element}</span></span
  >`;
}
