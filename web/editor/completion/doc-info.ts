/** The completion info panel of a `vol` name: its signatures, doc text and first example, as DOM. */
import type { VolOption } from './vol-options';

/**
 * @example
 * { label, info: () => docInfo(option) } // a CodeMirror completion
 */
export function docInfo(option: VolOption): HTMLElement {
  const root = document.createElement('div');
  root.className = 'vol-doc-info';
  const add = (tag: string, text: string, className?: string): void => {
    const node = document.createElement(tag);
    node.textContent = text;
    if (className) node.className = className;
    root.append(node);
  };
  const qualified = `vol.${option.namespace.name}${option.entry ? `.${option.entry.name}` : ''}`;
  if (option.entry) {
    const prefix = option.entry.kind === 'class' ? 'new ' : '';
    for (const signature of option.entry.signatures)
      add('code', `${prefix}${qualified}${signature}`, 'signature');
  } else add('code', qualified, 'signature');
  const doc = option.entry ? option.entry.doc : option.namespace.doc;
  if (doc) add('p', doc);
  const example = (option.entry ? option.entry.examples : option.namespace.examples)[0];
  if (example) add('pre', example);
  return root;
}
