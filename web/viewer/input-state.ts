/**
 * The values of a notebook's `view()` inputs, by the name their cell declares: read them (for `?inputs=` links,
 * shares and per-slide state) and set them as a reader would, by changing the input and firing its event. An
 * override given before the input is shown is applied as it appears, so the first run already uses it.
 */
import type { CompiledCell } from '../notebook/compiled';
import type { InputLike } from '../notebook/input-generator';

export class InputState {
  private readonly elements = new Map<string, InputLike>();

  private readonly pending: Map<string, unknown>;

  constructor(initial: Record<string, unknown> = {}) {
    this.pending = new Map(Object.entries(initial));
  }

  /** Call with each value a cell displays; remembers `view()` inputs and applies a pending override. */
  displayed(cell: CompiledCell, value: unknown): void {
    if (cell.kind !== 'js' || !cell.js?.usesView || !(value instanceof EventTarget)) return;
    const name = cell.js.declarations[0];
    if (!name) return;
    const element = value as InputLike;
    this.elements.set(name, element);
    if (this.pending.has(name)) {
      element.value = this.pending.get(name);
      this.pending.delete(name);
    }
  }

  /** Current values of every shown input. */
  values(): Record<string, unknown> {
    return Object.fromEntries([...this.elements].map(([name, el]) => [name, el.value]));
  }

  /** Set inputs by name (unknown names wait until such an input appears); fires `input` when one changes. */
  set(values: Record<string, unknown>): void {
    for (const [name, value] of Object.entries(values)) {
      const element = this.elements.get(name);
      if (!element) {
        this.pending.set(name, value);
        continue;
      }
      if (JSON.stringify(element.value) === JSON.stringify(value)) continue;
      element.value = value;
      element.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }
}

/**
 * Input values from a URL's `?inputs=` (JSON), or `{}` when absent or unreadable.
 *
 * @example
 * inputsFromUrl('https://x/notebooks/a?inputs=%7B%22states%22%3A4%7D'); // {states: 4}
 */
export function inputsFromUrl(href: string): Record<string, unknown> {
  const raw = new URL(href).searchParams.get('inputs');
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** The URL with `?inputs=` set to the given values (removed when empty). */
export function urlWithInputs(href: string, values: Record<string, unknown>): string {
  const url = new URL(href);
  if (Object.keys(values).length === 0) url.searchParams.delete('inputs');
  else url.searchParams.set('inputs', JSON.stringify(values));
  return url.toString();
}
