/**
 * `<vol-docs-page>`: the library's reference at `/docs`, from the doc index generated out of `cells/`: each
 * namespace with its functions, their signatures, doc text and examples. A search box filters by name; each
 * function has an anchor (`/docs#vol.series.logReturns`), scrolled to on load and on hash change.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { DocEntry, DocIndex, DocNamespace } from '../library-docs/doc-index';
import { loadDocIndex, qualifiedName, summary } from '../library-docs/load';
import { searchDocs } from '../library-docs/search';
import { docsPageStyles } from './docs-page-styles';

@customElement('vol-docs-page')
export class DocsPage extends LitElement {
  static override styles = docsPageStyles;

  @state() private index: DocIndex | null = null;
  @state() private error = '';
  @state() private query = '';

  // A followed link shows its target even when the search hides it.
  private readonly onHashChange = (): void => {
    this.query = '';
    void this.updateComplete.then(() => this.scrollToHash());
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.onHashChange);
    document.title = 'Library reference · Vol Lab';
    loadDocIndex().then(
      (index) => {
        this.index = index;
        void this.updateComplete.then(() => this.scrollToHash());
      },
      (error: unknown) => {
        this.error = (error as Error).message;
      },
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.onHashChange);
  }

  /** The anchors live in this shadow root, where the browser's own fragment scrolling does not look. */
  private scrollToHash(): void {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    for (const node of this.renderRoot.querySelectorAll('.targeted'))
      node.classList.remove('targeted');
    const target = (this.renderRoot as ShadowRoot).getElementById(id);
    target?.classList.add('targeted');
    target?.scrollIntoView({ block: 'start' });
  }

  override render() {
    if (this.error) return html`<p role="alert">Could not load the reference: ${this.error}</p>`;
    if (!this.index) return html`<p>Loading…</p>`;
    const shown = searchDocs(this.index, this.query);
    return html`<nav>
        <input
          type="search"
          aria-label="Search the library"
          placeholder="Search, e.g. logReturns"
          .value=${this.query}
          @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
        />
        <ul>
          ${shown.map((n) => html`<li><a href="#${qualifiedName(n.name)}">vol.${n.name}</a></li>`)}
        </ul>
      </nav>
      <main>
        <h1>The <code>vol</code> library</h1>
        ${shown.length === 0 ? html`<p class="empty">Nothing matches “${this.query}”.</p>` : nothing}
        ${shown.map((n) => this.renderNamespace(n))}
      </main>`;
  }

  private renderNamespace(namespace: DocNamespace) {
    const id = qualifiedName(namespace.name);
    return html`<section class="namespace" data-namespace=${namespace.name}>
      <h2 id=${id}><a href="#${id}">vol.${namespace.name}</a></h2>
      ${namespace.doc ? html`<p class="doc">${namespace.doc}</p>` : nothing}
      ${namespace.examples.map((e) => html`<pre>${e}</pre>`)}
      ${namespace.entries.map((e) => this.renderEntry(namespace, e))}
    </section>`;
  }

  private renderEntry(namespace: DocNamespace, entry: DocEntry) {
    const id = qualifiedName(namespace.name, entry);
    const prefix = entry.kind === 'class' ? 'new ' : '';
    return html`<article class="entry" id=${id} data-entry=${id} title=${summary(entry.doc)}>
      <h3><a href="#${id}">${entry.name}</a> <span class="kind">${entry.kind}</span></h3>
      ${entry.signatures.map((s) => html`<code class="signature">${prefix}${id}${s}</code>`)}
      ${entry.doc ? html`<p class="doc">${entry.doc}</p>` : nothing}
      ${entry.examples.map((e) => html`<pre class="example">${e}</pre>`)}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vol-docs-page': DocsPage;
  }
}
