/**
 * `<vol-notebook-list>`: the notebooks on the sidecar, with create, rename and delete.
 * Each notebook links to its stable URL `/notebooks/<path without .md>`.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import {
  createNotebook,
  deleteNotebook,
  listNotebooks,
  notebookUrl,
  renameNotebook,
  type NotebookSummary,
} from '../api/notebooks';

@customElement('vol-notebook-list')
export class NotebookList extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 860px;
      margin: 0 auto;
      padding: 24px;
    }
    h1 {
      font-size: 22px;
      margin: 0 0 16px;
    }
    form {
      display: flex;
      gap: 8px;
      margin-bottom: 16px;
    }
    input {
      flex: 1;
      padding: 6px 8px;
      font: inherit;
    }
    ul {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    li {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 10px 0;
      border-bottom: 1px solid var(--vol-border-muted);
    }
    li a {
      flex: 1;
      color: var(--vol-link);
      text-decoration: none;
      font-weight: 500;
    }
    .path {
      color: var(--vol-fg-muted);
      font-size: 12px;
      font-family: ui-monospace, Menlo, monospace;
    }
    button {
      font: inherit;
      font-size: 12px;
    }
    .error {
      color: var(--vol-danger);
    }
  `;

  @state() private notebooks: NotebookSummary[] | null = null;
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    try {
      this.notebooks = await listNotebooks();
      this.error = '';
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private async act(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
      await this.refresh();
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private onCreate(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const title = (new FormData(form).get('title') as string).trim();
    if (!title) return;
    void this.act(async () => {
      const created = await createNotebook(title);
      history.pushState(null, '', notebookUrl(created.path));
      dispatchEvent(new PopStateEvent('popstate'));
    });
  }

  private onRename(notebook: NotebookSummary): void {
    const to = prompt('Rename notebook to (path ending in .md):', notebook.path);
    if (to && to !== notebook.path) void this.act(() => renameNotebook(notebook.path, to));
  }

  private onDelete(notebook: NotebookSummary): void {
    if (confirm(`Move "${notebook.title}" to the trash?`)) {
      void this.act(() => deleteNotebook(notebook.path));
    }
  }

  override render() {
    return html`<h1>Notebooks</h1>
      <form @submit=${this.onCreate}>
        <input name="title" placeholder="New notebook title" aria-label="New notebook title" />
        <button type="submit">Create</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        this.notebooks === null
          ? html`<p>Loading…</p>`
          : html`<ul>
              ${this.notebooks.map(
                (n) =>
                  html`<li data-path=${n.path}>
                    <a href=${notebookUrl(n.path)}>${n.title}</a>
                    <span class="path">${n.path}</span>
                    <button @click=${() => this.onRename(n)}>Rename</button>
                    <button @click=${() => this.onDelete(n)}>Delete</button>
                  </li>`,
              )}
            </ul>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vol-notebook-list': NotebookList;
  }
}
