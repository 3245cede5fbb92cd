// @observablehq/runtime 6.0.1 ships no types; this covers what web/notebook uses
// (checked against node_modules/@observablehq/runtime/src).
declare module '@observablehq/runtime' {
  /** Notified as a variable computes; every method is optional. */
  export interface Observer {
    pending?(): void;
    fulfilled?(value: unknown, name?: string | null): void;
    rejected?(error: unknown, name?: string | null): void;
  }

  // Runtime definitions receive their inputs' values; `this` is the previous value.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  export type Definition = (this: unknown, ...inputs: any[]) => unknown;

  export class Variable {
    define(definition: Definition | unknown): this;
    define(name: string | null, definition: Definition | unknown): this;
    define(inputs: readonly string[], definition: Definition): this;
    define(name: string | null, inputs: readonly string[], definition: Definition | unknown): this;
    import(name: string, module: Module): this;
    import(name: string, alias: string, module: Module): this;
    delete(): this;
  }

  export class Module {
    /** A new variable; `true` as observer makes it computed without being observed. */
    variable(
      observer?: Observer | true,
      options?: { shadow?: Record<string, Definition> },
    ): Variable;
    define(
      name: string | null,
      inputs: readonly string[],
      definition: Definition | unknown,
    ): Variable;
    redefine(name: string, inputs: readonly string[], definition: Definition | unknown): Variable;
    /** The next value of the named variable (computing it if unobserved). */
    value(name: string): Promise<unknown>;
    builtin(name: string, value: unknown): void;
    import(name: string, alias: string, from: Module): Variable;
    derive(
      specifiers: readonly (string | { name: string; alias?: string })[],
      source: Module,
    ): Module;
  }

  export class Runtime {
    /**
     * Builtins are variable definitions: a function value is called (lazily) to get the value.
     * `global` resolves other free names; it must throw for unknown ones.
     */
    constructor(builtins?: Record<string, unknown>, global?: (name: string) => unknown);
    module(
      define?: (runtime: Runtime, observer: (name: string) => Observer | undefined) => void,
      observer?: (name: string) => Observer | undefined,
    ): Module;
    dispose(): void;
  }

  export class RuntimeError extends Error {
    constructor(message: string, input?: string);
    input?: string;
  }
}
