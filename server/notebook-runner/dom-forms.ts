/**
 * What linkedom leaves out of forms and Observable Inputs needs: validation methods (answering "valid"),
 * `form.elements` by name with a RadioNodeList's `value`, and `checked` as a property.
 */
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
export function fillChecked(dom: Record<string, unknown>): void {
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
export function fillFormElements(dom: Record<string, unknown>): void {
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

export function fillFormMethods(dom: Record<string, unknown>): void {
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
