/** What `view()` accepts: an event target with a value, like an `<input>` or an Inputs form. */
export interface InputLike extends EventTarget {
  value?: unknown;
  type?: string;
  checked?: boolean;
  valueAsNumber?: number;
  multiple?: boolean;
  files?: ArrayLike<unknown> | null;
  selectedOptions?: ArrayLike<{ value: unknown }>;
}

/** The generator protocol the runtime pulls from: one promise per change, `return()` cleans up. */
export interface ValueGenerator {
  next(): { done: false; value: Promise<unknown> };
  return(): { done: true; value: undefined };
  throw(): { done: true; value: undefined };
  [Symbol.iterator](): ValueGenerator;
}

/**
 * A generator of an input's value: the current value first, then one per `input` event (`click`
 * for checkboxes and buttons, `change` for files), as Observable's `Generators.input`. The runtime
 * calls `return()` when the cell is invalidated, which removes the listener.
 */
export function inputGenerator(element: InputLike): ValueGenerator {
  const event = eventOf(element);
  let resolve: ((value: unknown) => void) | null = null;
  let stale = false;
  let current: unknown;
  const change = (value: unknown): void => {
    current = value;
    if (!resolve) stale = true;
    resolve?.(value);
    resolve = null;
  };
  const onEvent = (): void => change(valueOf(element));
  element.addEventListener(event, onEvent);
  const initial = valueOf(element);
  if (initial !== undefined) change(initial);
  const generator: ValueGenerator = {
    next() {
      if (stale) return ((stale = false), { done: false, value: Promise.resolve(current) });
      return { done: false, value: new Promise((r) => (resolve = r)) };
    },
    return() {
      element.removeEventListener(event, onEvent);
      return { done: true, value: undefined };
    },
    throw() {
      return generator.return();
    },
    [Symbol.iterator]: () => generator,
  };
  return generator;
}

function eventOf(element: InputLike): string {
  switch (element.type) {
    case 'button':
    case 'submit':
    case 'checkbox':
      return 'click';
    case 'file':
      return 'change';
    default:
      return 'input';
  }
}

function valueOf(element: InputLike): unknown {
  switch (element.type) {
    case 'range':
    case 'number':
      return element.valueAsNumber;
    case 'checkbox':
      return element.checked;
    case 'file':
      return element.multiple ? element.files : element.files?.[0];
    case 'select-multiple':
      return Array.from(element.selectedOptions ?? [], (o) => o.value);
    default:
      return element.value;
  }
}
