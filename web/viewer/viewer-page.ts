/**
 * `<vol-viewer>`: a pinned notebook, read-only and live: a static export or a share link. It paints each cell's
 * output as rendered at export time and runs a cell only when something it depends on changes (see
 * `precomputed-gate.ts`), SQL in DuckDB-WASM (loaded then) over the pinned slices. Says what data it holds and when it was captured.
 *
 * Cells carry `data-cell-id`, `data-kind`, `data-status` and `data-error` as in the workbench; the element
 * carries `data-state` (`loading`, `ready`, `error`).
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ExportManifest } from '../../server/contract';
import { CellOutput } from '../components/cell-output';
import { adoptDocumentStyles } from '../components/document-styles';
import { themeStyles } from '../components/theme';
import { DatasetStore } from '../data/datasets';
import { slicesFromFrontMatter } from '../data/slice';
import { compile } from '../notebook/compile';
import { parse } from '../notebook/parse';
import { isHeld } from '../notebook/held';
import { NotebookSession } from '../notebook/session';
import type { Cell, Notebook } from '../notebook/types';
import { coreBuiltins, markdown } from '../runtime/core-builtins';
import { lazyLibraries } from '../runtime/lazy-libraries';
import { loadTf } from '../runtime/tf';
import { pageWidth } from '../runtime/width';
import { runCompute } from '../workers/browser-pool';
import { pageBundle, type BundleReader } from './bundle-reader';
import { InputState, inputsFromUrl, urlWithInputs } from './input-state';
import { lazyConnector } from './lazy-connector';
import { PrecomputedGate } from './precomputed-gate';
import { precomputedSql } from './precomputed-sql';
import { staticDatasetSource } from './static-source';
import { viewerStyles } from './viewer-styles';

const noModels = (): Promise<never> =>
  Promise.reject(new Error('saved models are not part of an export'));

@customElement('vol-viewer')
export class Viewer extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    adoptDocumentStyles(themeStyles);
    adoptDocumentStyles(viewerStyles);
    return this;
  }

  @state() private manifest: ExportManifest | null = null;
  @state() private notebook: Notebook | null = null;
  @state() private loadError = '';
  @state() private showCode = false;

  private session: NotebookSession | null = null;
  private readonly outputs = new Map<string, CellOutput>();
  /** The notebook's inputs: set from the manifest (a share's values) and `?inputs=`, read for links. */
  inputs = new InputState();

  override connectedCallback(): void {
    super.connectedCallback();
    this.dataset.state = 'loading';
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.session?.dispose();
  }

  private async load(): Promise<void> {
    try {
      const bundle = pageBundle();
      const manifest = await bundle.manifest();
      const text = await bundle.text(manifest.notebook);
      const notebook = parse(text);
      const fromUrl = inputsFromUrl(location.href);
      this.inputs = new InputState({ ...manifest.inputs, ...fromUrl });
      // The precomputed outputs hold for the export's own inputs only: other values in the link run everything.
      const outputs = sameInputs(fromUrl, manifest.inputs)
        ? await precomputedOutputs(manifest, bundle)
        : {};
      for (const [id, html] of Object.entries(outputs)) this.outputOf(id).showPrecomputed(html);
      const compiled = compile(notebook);
      const gate = new PrecomputedGate({
        cells: compiled.cells,
        precomputed: new Set(Object.keys(outputs)),
        rerun: (id) => this.session?.rerun(id),
      });
      this.showCode = manifest.showCode;
      const db = lazyConnector();
      const store = new DatasetStore(db, staticDatasetSource(manifest, bundle, db));
      store.setSlices(slicesFromFrontMatter(notebook.frontMatter?.data.datasets).specs);
      document.title = `${manifest.title} · Vol Lab`;
      this.session = new NotebookSession({
        builtins: {
          ...coreBuiltins(store),
          models: { save: noModels, load: noModels, list: noModels, remove: noModels },
        },
        lazyBuiltins: { ...lazyLibraries, tf: loadTf, width: pageWidth },
        compute: runCompute,
        sql: precomputedSql(manifest, bundle, (q, p, c) => store.query(q, p, c.datasets)),
        markdown: (md) => markdown.render(md),
        hold: (cell, values) => gate.hold(cell, values),
        observer: (id, cell) => {
          const base = this.outputOf(id).observer(cell);
          return {
            ...base,
            // Waiting for held cells upstream to give their values: still running.
            fulfilled: (value) => {
              if (!isHeld(value) || !gate.waiting(id)) base.fulfilled?.(value);
            },
            display: (value) => {
              this.inputs.displayed(cell, value);
              base.display?.(value);
            },
          };
        },
      });
      this.manifest = manifest;
      this.notebook = notebook;
      // Paint the precomputed outputs before the runtime starts (and `width` first measures the page).
      await this.updateComplete;
      this.session.update(compiled);
      this.dataset.state = 'ready';
    } catch (error) {
      this.loadError = (error as Error).message;
      this.dataset.state = 'error';
    }
  }

  private outputOf(id: string): CellOutput {
    let output = this.outputs.get(id);
    if (!output) {
      output = new CellOutput(() => this.requestUpdate());
      this.outputs.set(id, output);
    }
    return output;
  }

  /** This page's address with the current input values in it. */
  linkWithInputs(): string {
    return urlWithInputs(location.href, this.inputs.values());
  }

  override render() {
    if (this.loadError)
      return html`<p class="banner error" role="alert">Could not open: ${this.loadError}</p>`;
    const manifest = this.manifest;
    const notebook = this.notebook;
    if (!manifest || !notebook) return html`<p class="page">Loading…</p>`;
    return html`${this.renderBar(manifest)}
      <main class="page">
        ${this.renderProvenance(manifest)} ${notebook.cells.map((cell) => this.renderCell(cell))}
      </main>`;
  }

  private renderBar(manifest: ExportManifest) {
    const simulated = manifest.slices.some((s) => s.simulated);
    return html`<div class="viewer-bar">
      <span class="title">${manifest.title}</span>
      <span class="badge">read-only</span>
      ${simulated ? html`<span class="badge simulated" data-simulated>simulated data</span>` : nothing}
      <span class="spacer"></span>
      <button
        data-toggle-code
        aria-pressed=${String(this.showCode)}
        @click=${() => (this.showCode = !this.showCode)}
      >
        ${this.showCode ? 'Hide code' : 'Show code'}
      </button>
      <button
        data-copy-link
        @click=${() => void navigator.clipboard?.writeText(this.linkWithInputs())}
      >
        Copy link with inputs
      </button>
    </div>`;
  }

  private renderProvenance(manifest: ExportManifest) {
    const failed = manifest.cells.filter((c) => c.status !== 'ok');
    return html`<details class="provenance" data-provenance>
      <summary>
        Data pinned ${manifest.exportedAt.slice(0, 16).replace('T', ' ')} UTC:
        ${manifest.slices.map((s) => `${s.dataset} (${s.rows.toLocaleString('en-US')} rows)`).join(', ')}
        ${failed.length > 0 ? html`· <strong>${failed.length} cell(s) in error when exported</strong>` : nothing}
      </summary>
      <table>
        <tr>
          <th>dataset</th>
          <th>table</th>
          <th>rows</th>
          <th>captured</th>
          <th>kind</th>
          <th>sha-256</th>
        </tr>
        ${manifest.slices.map(
          (s) =>
            html`<tr data-slice=${s.dataset}>
              <td>${s.dataset}</td>
              <td>${s.table}</td>
              <td>${s.rows}</td>
              <td>${s.capturedAt}</td>
              <td>${s.simulated ? 'simulated' : s.source}</td>
              <td><code>${s.sha256.slice(0, 12)}</code></td>
            </tr>`,
        )}
      </table>
    </details>`;
  }

  private renderCell(cell: Cell) {
    if (cell.kind === 'break') return html`<hr class="slide-break" />`;
    const output = this.outputOf(cell.id);
    if (cell.kind === 'code') output.settle();
    const showSource = cell.kind === 'code' || (this.showCode && cell.kind !== 'md');
    return html`<section
      class="cell ${cell.kind}"
      data-cell-id=${cell.id}
      data-kind=${cell.kind}
      data-status=${output.status}
      data-error=${output.error?.summary ?? nothing}
    >
      ${showSource ? html`<pre class="code">${cell.source}</pre>` : nothing}
      ${
        output.error ? html`<div class="error" role="alert">${output.error.summary}</div>` : nothing
      }
      ${cell.kind === 'code' ? nothing : output.element}
    </section>`;
  }
}

async function precomputedOutputs(
  manifest: ExportManifest,
  bundle: BundleReader,
): Promise<Record<string, string>> {
  if (!manifest.outputs) return {};
  return JSON.parse(await bundle.text(manifest.outputs)) as Record<string, string>;
}

/** Every value the link sets is the one the export was computed with. */
function sameInputs(fromUrl: Record<string, unknown>, pinned: Record<string, unknown>): boolean {
  return Object.entries(fromUrl).every(([k, v]) => JSON.stringify(v) === JSON.stringify(pinned[k]));
}

declare global {
  interface HTMLElementTagNameMap {
    'vol-viewer': Viewer;
  }
}
