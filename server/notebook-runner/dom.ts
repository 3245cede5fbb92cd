/**
 * A DOM for notebooks run headless: linkedom's document and element classes as globals, so Plot, Observable
 * Inputs, htl and `md` build their elements in Node as they do in the browser. linkedom does not validate
 * forms; the few form methods Inputs calls are filled in with their answer for a valid input.
 */
import { parseHTML } from 'linkedom';
import { fillChecked, fillFormElements, fillFormMethods } from './dom-forms';

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
