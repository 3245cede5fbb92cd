/**
 * A DOM for notebooks run headless: linkedom's document and element classes as globals, so Plot, Observable
 * Inputs, htl and `md` build their elements in Node as they do in the browser. linkedom does not validate
 * forms; the few form methods Inputs calls are filled in with their answer for a valid input.
 */
import { parseHTML } from 'linkedom';

const GLOBALS = [
  'window',
  'document',
  'Node',
  'Element',
  'HTMLElement',
  'SVGElement',
  'Text',
  'Comment',
  'DocumentFragment',
  'Event',
  'CustomEvent',
  'HTMLInputElement',
  'HTMLFormElement',
  'HTMLSelectElement',
  'HTMLOptionElement',
  'HTMLButtonElement',
  'HTMLTextAreaElement',
  'NodeList',
  'DOMParser',
  'MutationObserver',
  'customElements',
  'getComputedStyle',
  'requestAnimationFrame',
  'cancelAnimationFrame',
] as const;

let installed = false;

/**
 * Install the DOM globals once per process (a no-op where a `document` already exists).
 *
 * @example
 * installDom();
 * Plot.plot({ marks: [Plot.lineY([1, 2, 3])] }).outerHTML; // '<figure …' or '<svg …'
 */
export function installDom(): void {
  if (installed || typeof (globalThis as { document?: unknown }).document !== 'undefined') return;
  installed = true;
  const dom = parseHTML(
    '<!doctype html><html><head></head><body></body></html>',
  ) as unknown as Record<string, unknown>;
  const target = globalThis as Record<string, unknown>;
  for (const name of GLOBALS) {
    if (target[name] === undefined && dom[name] !== undefined) target[name] = dom[name];
  }
  // linkedom's collections are NodeLists; htl tests `instanceof HTMLCollection` too.
  target.HTMLCollection ??= dom.NodeList;
  target.requestAnimationFrame ??= (callback: (time: number) => void) =>
    setTimeout(() => callback(performance.now()), 0);
  target.cancelAnimationFrame ??= (id: ReturnType<typeof setTimeout>) => clearTimeout(id);
  fillFormMethods(dom);
  fillFormElements(dom);
  fillChecked(dom);
  fillLayoutMethods(dom);
}

// A transparent 1×1 PNG: what a canvas exports headless, where nothing is rasterized.
const BLANK_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/**
 * No layout and no raster headless: scrolling is a no-op, and a canvas's 2D context accepts drawing calls and
 * exports a blank image (Plot draws its continuous colour legends' ramp on a canvas: the legend keeps its
 * axis and labels, the gradient strip is blank).
 */
function fillLayoutMethods(dom: Record<string, unknown>): void {
  const element = (dom.HTMLElement as { prototype?: Record<string, unknown> } | undefined)
    ?.prototype;
  if (element) {
    element.scrollTo ??= () => undefined;
    element.scrollIntoView ??= () => undefined;
  }
  const canvas = (dom.HTMLCanvasElement as { prototype?: Record<string, unknown> } | undefined)
    ?.prototype;
  if (!canvas) return;
  const context = new Proxy({} as Record<string | symbol, unknown>, {
    get: (target, key) => (key in target ? target[key] : () => undefined),
    set: (target, key, value) => ((target[key] = value), true),
  });
  canvas.getContext = () => context;
  canvas.toDataURL = () => BLANK_PNG;
}

interface Checkable {
  checked: boolean;
  value: string;
}

/** An array of controls with a RadioNodeList's `value`: the checked one's value; setting it checks that one. */
function radioNodeList<T>(controls: T[]): T[] {
  const list = controls as unknown as Checkable[];
  return Object.defineProperty(controls, 'value', {
    get: () => list.find((c) => c.checked)?.value ?? '',
    set: (value: unknown) => list.forEach((c) => (c.checked = c.value === String(value))),
  });
}

/** `checked` as a property backed by the attribute until set, as browsers do for inputs. */
function fillChecked(dom: Record<string, unknown>): void {
  const proto = (dom.HTMLElement as { prototype?: object } | undefined)?.prototype;
  if (!proto || 'checked' in proto) return;
  const state = new WeakMap<object, boolean>();
  Object.defineProperty(proto, 'checked', {
    configurable: true,
    get(this: { hasAttribute(name: string): boolean }) {
      return state.get(this) ?? this.hasAttribute('checked');
    },
    set(this: object, value: unknown) {
      state.set(this, Boolean(value));
    },
  });
}

interface FormLike {
  tagName: string;
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(n: string): string | null }>;
}

/**
 * `form.elements.name`: the one control of that name, or an array of them (a RadioNodeList's stand-in). linkedom
 * creates `<form>` as a plain HTMLElement, so the getter sits there and answers for forms only.
 */
function fillFormElements(dom: Record<string, unknown>): void {
  const proto = (dom.HTMLElement as { prototype?: object } | undefined)?.prototype;
  if (!proto || 'elements' in proto) return;
  Object.defineProperty(proto, 'elements', {
    configurable: true,
    get(this: FormLike) {
      if (this.tagName !== 'FORM') return undefined;
      const controls = Array.from(this.querySelectorAll('input, select, textarea, button'));
      return new Proxy(controls, {
        get(target, key) {
          if (typeof key !== 'string' || key in target) return Reflect.get(target, key);
          const named = target.filter(
            (c) => c.getAttribute('name') === key || c.getAttribute('id') === key,
          );
          return named.length === 0
            ? undefined
            : named.length === 1
              ? named[0]
              : radioNodeList(named);
        },
      });
    },
  });
}

function fillFormMethods(dom: Record<string, unknown>): void {
  for (const name of [
    'HTMLElement',
    'HTMLInputElement',
    'HTMLSelectElement',
    'HTMLTextAreaElement',
  ]) {
    const proto = (dom[name] as { prototype?: Record<string, unknown> } | undefined)?.prototype;
    if (!proto) continue;
    proto.checkValidity ??= () => true;
    proto.reportValidity ??= () => true;
    proto.setCustomValidity ??= () => undefined;
  }
}
