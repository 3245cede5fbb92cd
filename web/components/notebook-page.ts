/**
 * `<vol-notebook-page>`: one notebook, live. Loads the file, runs its cells on the reactive runtime, edits
 * cells in place (Shift+Enter runs a cell, redefining only what changed), saves with Ctrl/Cmd+S against the
 * version it read (a stale save is refused and both versions are kept), and lists the datasets beside it.
 *
 * Each cell's element carries `data-cell-id`, `data-kind` and `data-status` (`pending`, `running`, `ok`,
 * `error`, plus `data-error`), and the page carries `data-save-state` (`saved`, `dirty`, `saving`,
 * `conflict`, `error`), so tests and tools read its state without scraping text.
 *
 * `?inputs=` in the URL sets its inputs; `?present` opens it as a deck (web/present/): the same live rows,
 * shown one slide at a time.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { DatasetCatalog } from '../../server/contract';
import { readNotebook, saveNotebook, SaveConflict } from '../api/notebooks';
import { slicesFromFrontMatter } from '../data/slice';
import type { CompletionProvider } from '../editor/completion/completion-provider';
import { declaredNames } from '../editor/completion/declared-names';
import { NotebookDraft, type DraftRow, type NewCellKind } from '../editor/draft';
import { compile } from '../notebook/compile';
import type { CompiledCell } from '../notebook/compiled';
import { startEarlySql } from '../notebook/early-sql';
import { NotebookSession } from '../notebook/session';
import { createBuiltins, markdown } from '../runtime/builtins';
import { prefetchLibraries } from '../runtime/lazy-libraries';
import { getServices } from '../runtime/services';
import { CellOutput } from './cell-output';
import { whenIdle } from './idle-queue';
import './cell-editor';
import { renderAddBar, renderCellRow } from './cell-row';
import './dataset-panel';
import './chat-panel';
import type { CellState } from '../chat/context';
import { notebookPageStyles } from './notebook-page-styles';
import { adoptDocumentStyles } from './document-styles';
import './notebook-actions';
import { renderDeckChrome } from '../present/deck-chrome';
import { DeckController } from '../present/deck-controller';
import { deckFromUrl } from '../present/deck-url';
import { isNotesCell } from '../present/notes';
import { presentStyles } from '../present/present-styles';
import { slideIndexById, slidesOf, type Slide } from '../present/slides';
import { InputState, inputsFromUrl } from '../viewer/input-state';
import { NOTEBOOK_SETTLED } from '../runtime/page-events';

export { NOTEBOOK_SETTLED } from '../runtime/page-events';

type SaveState = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

@customElement('vol-notebook-page')
export class NotebookPage extends LitElement {
  // Light DOM: Observable Inputs and the inspector style their output with document-level stylesheets.
  protected override createRenderRoot(): HTMLElement {
    adoptDocumentStyles(notebookPageStyles);
    adoptDocumentStyles(presentStyles);
    return this;
  }

  /** Path of the notebook file relative to the notebooks folder, e.g. `getting-started.md`. */
  @property() path = '';

  @state() private draft: NotebookDraft | null = null;
  @state() private rawText = '';
  @state() private loadError = '';
  @state() private saveState: SaveState = 'saved';
  @state() private saveMessage = '';
  @state() private conflict: SaveConflict | null = null;
  @state() private catalog: DatasetCatalog | null = null;
  @state() private catalogError = '';
  /** Show code editors for JS and SQL cells (Markdown and plain code blocks show their output by default). */
  @state() private showCode = localStorage.getItem('vollab:hide-code') !== '1';
  /** Rows whose editor visibility is the opposite of the default for their kind. */
  @state() private flipped = new Set<number>();
  /** Presentation mode: the deck and its slides, or null in the notebook view. */
  @state() private deck: DeckController | null = null;
  private slides: Slide[] = [];
  private slideOf = new Map<string, number>();
  /** The `view()` inputs' values: for `?inputs=` links, shares and per-slide state. */
  private inputs = new InputState(inputsFromUrl(location.href));

  private etag = '';
  private session: NotebookSession | null = null;
  private readonly outputs = new Map<number, CellOutput>();
  private readonly compileCache = new Map<string, CompiledCell>();
  private readonly completion: CompletionProvider = {
    declaredNames: () =>
      this.draft ? declaredNames(compile(this.draft.notebook, this.compileCache)) : [],
    catalog: () => getServices().store.catalog(),
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void this.save();
    }
  };

  private readonly onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (this.draft?.isDirty()) event.preventDefault();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('keydown', this.onKeyDown);
    addEventListener('beforeunload', this.onBeforeUnload);
    getServices()
      .store.catalog()
      .then((catalog) => (this.catalog = catalog))
      .catch((error: unknown) => (this.catalogError = (error as Error).message));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('keydown', this.onKeyDown);
    removeEventListener('beforeunload', this.onBeforeUnload);
    this.leavePresentation();
    this.disposeSession();
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('path') && this.path) void this.load();
  }

  private disposeSession(): void {
    this.session?.dispose();
    this.session = null;
    this.outputs.clear();
  }

  private async load(): Promise<void> {
    this.disposeSession();
    this.draft = null;
    this.settledAnnounced = false;
    this.loadError = '';
    this.conflict = null;
    try {
      const file = await readNotebook(this.path);
      this.open(file.text, file.etag);
    } catch (error) {
      this.loadError = (error as Error).message;
    }
  }

  /** Show a file's text: runnable cells if it parses, else the errors and the text untouched. */
  private open(text: string, etag: string): void {
    this.disposeSession();
    this.leavePresentation();
    this.inputs = new InputState(inputsFromUrl(location.href));
    this.etag = etag;
    this.rawText = text;
    this.saveState = 'saved';
    this.saveMessage = '';
    const draft = NotebookDraft.fromText(text);
    this.draft = draft;
    if (draft.errors.length > 0) return;
    document.title = `${String(draft.notebook.frontMatter?.data.title ?? this.path)} · Vol Lab`;
    const { store } = getServices();
    store.setSlices(slicesFromFrontMatter(draft.notebook.frontMatter?.data.datasets).specs);
    const query = store.queryCached.bind(store);
    // The queries that need no other cell go out now, before the cells are rendered and first computed.
    const early = startEarlySql(compile(draft.notebook, this.compileCache), query);
    this.session = new NotebookSession({
      ...createBuiltins(store),
      sql: (sql, params, context) => early.take(sql, params) ?? query(sql, params, context),
      markdown: (text) => markdown.render(text),
      observer: (cellId, cell) => {
        const observer = this.outputFor(cellId).observer(cell);
        return {
          ...observer,
          display: (value) => {
            observer.display?.(value);
            this.inputs.displayed(cell, value);
          },
        };
      },
    });
    this.run();
    // Plot (its own chunk) is evaluated while the first answers are on their way, not before the SQL goes out.
    whenIdle(prefetchLibraries);
    const deck = deckFromUrl(location.href);
    if (deck.present) this.present(deck.index, deck.print);
  }

  /** Open the deck on slide `index` (the Present button, or `?present&slide=`). */
  private present(index: number, print = false): void {
    if (!this.draft || this.deck) return;
    this.slides = slidesOf(this.draft.notebook.cells);
    this.slideOf = slideIndexById(this.slides);
    const deck = new DeckController(
      {
        path: this.path,
        slides: this.slides,
        inputs: this.inputs,
        requestUpdate: () => this.requestUpdate(),
        outputElement: (id) => {
          const row = this.draft?.rows.find((r) => r.cell.id === id);
          return row && row.cell.kind !== 'code' ? this.outputOf(row).element : null;
        },
        leave: () => this.leavePresentation(),
      },
      index,
      print,
    );
    deck.start(this);
    this.deck = deck;
  }

  private leavePresentation(): void {
    this.deck?.stop();
    this.deck = null;
  }

  /** Once per notebook shown: every cell ok or in error, announced as `vol-notebook-settled` (bubbles). */
  private settledAnnounced = false;

  protected override updated(): void {
    if (this.settledAnnounced || !this.draft || this.draft.rows.length === 0) return;
    const settled = this.draft.rows.every((row) => {
      const { status } = this.outputOf(row);
      return status === 'ok' || status === 'error';
    });
    if (!settled) return;
    this.settledAnnounced = true;
    this.dispatchEvent(new Event(NOTEBOOK_SETTLED, { bubbles: true }));
  }

  private outputFor(cellId: string): CellOutput {
    const row = this.draft?.rows.find((r) => r.cell.id === cellId);
    if (!row) throw new Error(`no row for cell ${cellId}`);
    return this.outputOf(row);
  }

  private outputOf(row: DraftRow): CellOutput {
    let output = this.outputs.get(row.key);
    if (!output) {
      output = new CellOutput(() => this.requestUpdate());
      this.outputs.set(row.key, output);
    }
    return output;
  }

  /** Compile the applied notebook and let the session redefine what changed. */
  private run(): void {
    if (!this.draft || !this.session) return;
    const compiled = compile(this.draft.notebook, this.compileCache);
    const { store } = getServices();
    // Every dataset the notebook names, loaded into DuckDB-WASM as soon as it runs the queries.
    void store.prefetchTables(compiled.datasets).catch(() => undefined);
    for (const row of this.draft.rows) {
      if (row.cell.kind === 'code') this.outputOf(row).settle();
    }
    this.session.update(compiled);
    // A deleted row's output (and the DOM it holds) goes with it.
    const live = new Set(this.draft.rows.map((r) => r.key));
    for (const key of this.outputs.keys()) if (!live.has(key)) this.outputs.delete(key);
    this.updateSaveState();
  }

  private runRow(key: number): void {
    if (!this.draft) return;
    if (this.draft.apply(key)) this.run();
  }

  private onEdit(row: DraftRow, source: string): void {
    this.draft?.setDraft(row.key, source);
    this.updateSaveState();
  }

  private updateSaveState(): void {
    if (!this.draft || this.saveState === 'saving' || this.saveState === 'conflict') return;
    this.saveState = this.draft.isDirty() ? 'dirty' : 'saved';
  }

  private async save(overwriteEtag?: string): Promise<void> {
    const draft = this.draft;
    if (!draft || this.saveState === 'saving') return;
    if (draft.errors.length > 0) {
      // A notebook that does not parse is never written back; say so rather than silently doing nothing.
      this.saveState = 'error';
      this.saveMessage = 'the notebook does not parse; fix the error above first';
      return;
    }
    if (draft.apply()) this.run();
    const text = draft.text();
    this.saveState = 'saving';
    try {
      this.etag = await saveNotebook(this.path, text, overwriteEtag ?? this.etag);
      draft.markSaved(text);
      this.conflict = null;
      this.saveState = draft.isDirty() ? 'dirty' : 'saved';
      this.saveMessage = '';
    } catch (error) {
      if (error instanceof SaveConflict) {
        this.conflict = error;
        this.saveState = 'conflict';
      } else {
        this.saveState = 'error';
        this.saveMessage = (error as Error).message;
      }
    }
  }

  private structural(edit: (draft: NotebookDraft) => void): void {
    if (!this.draft) return;
    edit(this.draft);
    this.run();
    this.requestUpdate();
  }

  private addCell(index: number, kind: NewCellKind): void {
    this.structural((draft) => {
      const key = draft.insert(index, kind, kind === 'md' ? 'New text' : '');
      if (!this.editorShown(draft.rows[index]!)) this.toggleEditor(key);
    });
  }

  /** The cells as the chat sends them: source, status, error with position, a text summary of the output. */
  private cellStates(): CellState[] {
    return (this.draft?.rows ?? []).flatMap((row) => {
      const { cell } = row;
      if (cell.kind === 'break') return [];
      const output = this.outputOf(row);
      const error = output.error ? { message: output.error.summary } : undefined;
      const text = output.element.textContent?.trim();
      return [
        {
          id: cell.id,
          kind: cell.kind,
          source: cell.source,
          status: output.status,
          ...(error ? { error } : {}),
          ...(text ? { output: text } : {}),
        },
      ];
    });
  }

  /** A suggestion accepted in the chat: a new cell after `after` (or at the end), run at once. */
  private insertFromChat({
    kind,
    source,
    after,
  }: {
    kind: NewCellKind;
    source: string;
    after?: string;
  }): void {
    this.structural((draft) => {
      const at = draft.rows.findIndex((r) => r.cell.id === after);
      draft.insert(at >= 0 ? at + 1 : draft.rows.length, kind, source);
    });
  }

  private replaceFromChat({ cellId, source }: { cellId: string; source: string }): void {
    const row = this.draft?.rows.find((r) => r.cell.id === cellId);
    if (!row || !this.draft) return;
    this.draft.setDraft(row.key, source);
    this.runRow(row.key);
    this.requestUpdate();
  }

  private editorShown(row: DraftRow): boolean {
    const byDefault = (row.cell.kind === 'js' || row.cell.kind === 'sql') && this.showCode;
    return this.flipped.has(row.key) ? !byDefault : byDefault;
  }

  private toggleEditor(key: number): void {
    const next = new Set(this.flipped);
    if (!next.delete(key)) next.add(key);
    this.flipped = next;
  }

  private toggleAllCode(): void {
    this.showCode = !this.showCode;
    this.flipped = new Set();
    localStorage.setItem('vollab:hide-code', this.showCode ? '0' : '1');
  }

  override render() {
    if (this.loadError) {
      return html`<main class="page">
        <p class="banner error" role="alert">${this.loadError}</p>
      </main>`;
    }
    const draft = this.draft;
    if (!draft) return html`<main class="page"><p class="loading">Loading…</p></main>`;
    const deck = this.deck;
    return html`<div class="layout ${deck ? 'presenting' : ''}">
      <main
        class="page"
        data-save-state=${this.saveState}
        data-present=${deck ? String(deck.state.index) : nothing}
      >
        ${this.renderToolbar()} ${this.renderConflict()}
        ${draft.errors.length > 0 ? this.renderParseErrors(draft) : this.renderCells(draft)}
        ${deck ? renderDeckChrome(deck, this.slides, () => this.leavePresentation()) : nothing}
      </main>
      <aside class="side">
        <vol-chat-panel
          .notebook=${this.path}
          .catalog=${this.catalog}
          .cells=${() => this.cellStates()}
          @chat-insert=${(e: CustomEvent<{ kind: NewCellKind; source: string; after?: string }>) =>
            this.insertFromChat(e.detail)}
          @chat-replace=${(e: CustomEvent<{ cellId: string; source: string }>) =>
            this.replaceFromChat(e.detail)}
        ></vol-chat-panel>
        <vol-dataset-panel .catalog=${this.catalog} .error=${this.catalogError}></vol-dataset-panel>
      </aside>
    </div>`;
  }

  private renderToolbar() {
    const labels: Record<SaveState, string> = {
      saved: 'Saved',
      dirty: '● Unsaved changes',
      saving: 'Saving…',
      conflict: 'Not saved: conflict',
      error: `Not saved: ${this.saveMessage}`,
    };
    return html`<div class="toolbar">
      <span class="path">${this.path}</span>
      <span class="save-state ${this.saveState}" data-save-state=${this.saveState}
        >${labels[this.saveState]}</span
      >
      <button @click=${() => this.toggleAllCode()} aria-pressed=${String(!this.showCode)}>
        ${this.showCode ? 'Hide code' : 'Show code'}
      </button>
      <button @click=${() => void this.save()} ?disabled=${!!this.draft?.errors.length}>
        Save
      </button>
      <vol-notebook-actions
        .path=${this.path}
        .inputs=${() => this.inputs.values()}
        @present=${() => this.present(0)}
      ></vol-notebook-actions>
    </div>`;
  }

  private renderConflict() {
    const conflict = this.conflict;
    if (!conflict) return nothing;
    return html`<div class="banner conflict" role="alert">
      <strong>${conflict.message}</strong>
      ${
        conflict.conflictCopy
          ? html`Your version was kept as <code>${conflict.conflictCopy}</code>.`
          : nothing
      }
      <button @click=${() => this.open(conflict.current.text, conflict.current.etag)}>
        Load the version on disk
      </button>
      <button @click=${() => void this.save(conflict.current.etag)}>Overwrite it with mine</button>
    </div>`;
  }

  private renderParseErrors(draft: NotebookDraft) {
    return html`<div class="banner error" role="alert" data-parse-error>
        <strong>This notebook could not be parsed.</strong> It is shown as it is on disk and will
        not be rewritten.
        <ul>
          ${draft.errors.map(
            (e) => html`<li>${e.message} at line ${e.line}, column ${e.column}</li>`,
          )}
        </ul>
      </div>
      <vol-cell-editor language="md" .source=${this.rawText} readonly></vol-cell-editor>`;
  }

  private renderCells(draft: NotebookDraft) {
    return html`${renderAddBar((kind) => this.addCell(0, kind))}
    ${repeat(
      draft.rows,
      (row) => row.key,
      (row, index) => this.renderRow(row, index),
    )}`;
  }

  private renderRow(row: DraftRow, index: number) {
    const deck = this.deck;
    if (!deck) return this.renderPlainRow(row, index, this.editorShown(row));
    // In a deck, code shows only where a cell asks (`echo`), notes never; rows are shown and hidden, never moved.
    const slide = this.slideOf.get(row.cell.id) ?? -1;
    const first = this.slides[slide]?.cellIds[0] === row.cell.id;
    return html`<div
      class="deck-cell"
      data-slide-index=${slide}
      ?data-slide-first=${first}
      ?hidden=${!deck.shows(slide) || isNotesCell(row.cell)}
    >
      ${this.renderPlainRow(row, index, row.cell.attributes.echo !== undefined)}
    </div>`;
  }

  private renderPlainRow(row: DraftRow, index: number, editing: boolean) {
    return renderCellRow(row, this.outputOf(row), editing, this.completion, {
      toggleEditor: () => this.toggleEditor(row.key),
      run: () => this.runRow(row.key),
      move: (delta) => this.structural((d) => d.move(row.key, delta)),
      remove: () => this.structural((d) => d.remove(row.key)),
      edit: (source) => this.onEdit(row, source),
      save: () => void this.save(),
      addAfter: (kind) => this.addCell(index + 1, kind),
      ask: (mode) => this.querySelector('vol-chat-panel')?.askAbout(row.cell.id, mode),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vol-notebook-page': NotebookPage;
  }
}
