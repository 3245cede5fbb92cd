// @observablehq/inspector ships no types.
declare module '@observablehq/inspector' {
  export class Inspector {
    constructor(element: Element);
    pending(): void;
    fulfilled(value: unknown, name?: string): void;
    rejected(error: unknown, name?: string): void;
    static into(container: Element | string): () => Inspector;
  }
}
