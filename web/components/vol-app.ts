/**
 * `<vol-app>`: the workbench shell. Routes `/` to the notebook list, `/notebooks/<path>` to a notebook,
 * `/docs` to the library reference and `/live` to the full-screen live desk, navigating in place (DuckDB stays
 * warm) for same-origin links. Beside a notebook the live desk docks on request (remembered in localStorage);
 * its code is loaded only then, off a notebook's cold open, and so are the other pages'.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { getServices } from '../runtime/services';
import './alerts-bell';
import { adoptDocumentStyles } from './document-styles';
import { themeStyles } from './theme';
import './notebook-list';
import './notebook-page';
import { afterFirstNotebook } from '../runtime/page-events';
// Static: the presenter window must listen to its deck from the first message on.
import '../present/presenter-view';

/**
 * The other pages' elements, each its own chunk, defined on first visit (an element rendered before its
 * definition arrives is upgraded in place, its properties kept): a notebook's cold open evaluates neither.
 */
function defineOtherPage(path: string): void {
  if (path === '/docs') void import('./docs-page');
  else if (path === '/portfolio') void import('./portfolio-page');
}

const appStyles = css`
  vol-app {
    display: block;
    min-height: 100vh;
    font-family:
      system-ui,
      -apple-system,
      Segoe UI,
      sans-serif;
    color: var(--vol-fg);
    background: var(--vol-bg);
  }
  vol-app > header {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 8px 16px;
    background: var(--vol-header-bg);
    color: var(--vol-header-fg);
  }
  vol-app > header a {
    color: var(--vol-header-fg);
    text-decoration: none;
    font-weight: 600;
  }
  vol-app > header a.docs {
    font-weight: normal;
    margin-left: auto;
  }
  vol-app .with-dock {
    display: flex;
    align-items: flex-start;
  }
  vol-app .with-dock > vol-notebook-page {
    flex: 1;
    min-width: 0;
  }
  vol-app > header button.live-toggle {
    font: inherit;
    font-size: 12px;
  }
  vol-app .simulated {
    font-size: 11px;
    background: var(--vol-simulated-bg);
    color: var(--vol-simulated-fg);
    border-radius: 3px;
    padding: 1px 6px;
  }
`;

/** The paths this shell renders itself (anything else is a full page load). */
function isRoute(pathname: string): boolean {
  return (
    pathname === '/' ||
    pathname === '/docs' ||
    pathname === '/live' ||
    pathname === '/portfolio' ||
    pathname.startsWith('/notebooks/')
  );
}

const LIVE_DOCKED_KEY = 'vol-live-docked';

@customElement('vol-app')
export class VolApp extends LitElement {
  // Light DOM, like the notebook page inside it: see notebook-page.ts.
  protected override createRenderRoot(): HTMLElement {
    adoptDocumentStyles(themeStyles);
    adoptDocumentStyles(appStyles);
    return this;
  }

  @state() private path = location.pathname;
  @state() private simulated = false;
  @state() private liveDocked = localStorage.getItem(LIVE_DOCKED_KEY) === 'true';
  @state() private liveLoaded = false;
  /** The notebook beside the dock has settled (or waited long enough): the dock may load without competing. */
  @state() private notebookSettled = false;
  private cancelDockWait: (() => void) | null = null;

  private readonly onPopState = (): void => {
    this.path = location.pathname;
  };

  private readonly onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    const anchor = event
      .composedPath()
      .find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!anchor || anchor.origin !== location.origin || anchor.target) return;
    if (!isRoute(anchor.pathname)) return;
    // A link to an anchor on this page: the browser scrolls and fires `hashchange`.
    if (anchor.pathname === location.pathname && anchor.hash) return;
    event.preventDefault();
    history.pushState(null, '', anchor.href);
    this.path = location.pathname;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('popstate', this.onPopState);
    this.addEventListener('click', this.onClick);
    // A docked live panel loads after the notebook's first answers (its module, socket and first draws would
    // otherwise share the two cores with the cells), or after a few seconds if a cell never settles.
    this.cancelDockWait = afterFirstNotebook(() => (this.notebookSettled = true));
    getServices()
      .store.catalog()
      .then((catalog) => {
        this.simulated = catalog.datasets.some((d) => d.simulated);
      })
      .catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.onPopState);
    this.cancelDockWait?.();
    this.removeEventListener('click', this.onClick);
  }

  /** The live desk's code (Plot views, the socket client) arrives on first use: a dynamic import. */
  private loadLive(): void {
    if (this.liveLoaded) return;
    void import('./live-dock').then(() => (this.liveLoaded = true));
  }

  private toggleLive(): void {
    this.liveDocked = !this.liveDocked;
    if (this.liveDocked) this.loadLive();
    localStorage.setItem(LIVE_DOCKED_KEY, String(this.liveDocked));
  }

  override render() {
    const docked = this.liveDocked && this.notebookSettled && this.path.startsWith('/notebooks/');
    if (docked || this.path === '/live') this.loadLive();
    defineOtherPage(this.path);
    const notebookPath = this.path.startsWith('/notebooks/')
      ? `${decodeURIComponent(this.path.slice('/notebooks/'.length))}.md`
      : null;
    return html`<header>
        <a href="/">Vol Lab</a>
        ${
          this.simulated
            ? html`<span
                class="simulated"
                title="Bundled datasets are generated by a seeded simulator"
                >simulated data</span
              >`
            : nothing
        }
        <a class="docs" href="/portfolio">Portfolio</a>
        <a class="docs" href="/docs">Library reference</a>
        <vol-alerts></vol-alerts>
        <a href="/live">Live desk</a>
        ${
          notebookPath
            ? html`<button
                class="live-toggle"
                data-live-toggle
                aria-pressed=${this.liveDocked}
                @click=${() => this.toggleLive()}
              >
                ${this.liveDocked ? 'Hide live panel' : 'Live panel'}
              </button>`
            : nothing
        }
      </header>
      ${
        notebookPath
          ? new URLSearchParams(location.search).has('presenter')
            ? html`<vol-presenter .path=${notebookPath}></vol-presenter>`
            : html`<div class="with-dock">
                <vol-notebook-page .path=${notebookPath}></vol-notebook-page>
                ${this.liveDocked && this.liveLoaded ? html`<vol-live-dock></vol-live-dock>` : nothing}
              </div>`
          : this.path === '/live'
            ? this.liveLoaded
              ? html`<vol-live-panel data-fullscreen></vol-live-panel>`
              : nothing
            : this.path === '/docs'
              ? html`<vol-docs-page></vol-docs-page>`
              : this.path === '/portfolio'
                ? html`<vol-portfolio-page></vol-portfolio-page>`
                : html`<vol-notebook-list></vol-notebook-list>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vol-app': VolApp;
  }
}
