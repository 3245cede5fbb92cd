// @observablehq/inputs ships no types: these cover what the workbench calls directly. Notebooks use the
// whole module untyped through the runtime.
declare module '@observablehq/inputs' {
  export function table(data: unknown, options?: Record<string, unknown>): HTMLElement;
  export function range(extent: [number, number], options?: Record<string, unknown>): HTMLElement;
  export function select(data: unknown, options?: Record<string, unknown>): HTMLElement;
  export function button(content?: unknown, options?: Record<string, unknown>): HTMLElement;
  export function text(options?: Record<string, unknown>): HTMLElement;
  export function toggle(options?: Record<string, unknown>): HTMLElement;
  export function radio(data: unknown, options?: Record<string, unknown>): HTMLElement;
  export function checkbox(data: unknown, options?: Record<string, unknown>): HTMLElement;
  export function date(options?: Record<string, unknown>): HTMLElement;
  export function search(data: unknown, options?: Record<string, unknown>): HTMLElement;
}
