/**
 * A copy of a slide's outputs as they are now, for the presenter window (as HTML over the channel) and the
 * overview's thumbnails (as nodes). Cloning keeps the DOM but not what lives in properties: the current value
 * of an input the reader moved, and a canvas's pixels. Those are written into the copy.
 */

/**
 * The outputs of a slide's cells, copied with their current input values and canvases.
 *
 * @example
 * const copy = snapshotOutputs(slide.cellIds.map((id) => page.outputElement(id)));
 * thumbnail.replaceChildren(copy);
 */
export function snapshotOutputs(outputs: readonly (HTMLElement | null)[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const output of outputs) {
    if (!output || output.childNodes.length === 0) continue;
    const copy = output.cloneNode(true) as HTMLElement;
    copyFormState(output, copy);
    copyCanvases(output, copy);
    fragment.append(copy);
  }
  return fragment;
}

/**
 * The same copy as HTML.
 *
 * @example
 * channel.post({ type: 'slides', index, current: snapshotHtml(outputsOf(index)), next: … });
 */
export function snapshotHtml(outputs: readonly (HTMLElement | null)[]): string {
  const holder = document.createElement('div');
  holder.append(snapshotOutputs(outputs));
  return holder.innerHTML;
}

function copyFormState(from: HTMLElement, to: HTMLElement): void {
  const fields = 'input, select, textarea';
  const originals = from.querySelectorAll(fields);
  const copies = to.querySelectorAll(fields);
  originals.forEach((original, i) => {
    const copy = copies[i];
    if (!copy) return;
    if (original instanceof HTMLInputElement) {
      if (original.type === 'checkbox' || original.type === 'radio')
        copy.toggleAttribute('checked', original.checked);
      else copy.setAttribute('value', original.value);
    } else if (original instanceof HTMLSelectElement) {
      const options = copy.querySelectorAll('option');
      [...original.options].forEach((option, k) =>
        options[k]?.toggleAttribute('selected', option.selected),
      );
    } else if (original instanceof HTMLTextAreaElement) {
      copy.textContent = original.value;
    }
  });
}

function copyCanvases(from: HTMLElement, to: HTMLElement): void {
  const copies = to.querySelectorAll('canvas');
  from.querySelectorAll('canvas').forEach((canvas, i) => {
    const copy = copies[i];
    if (!copy) return;
    const image = document.createElement('img');
    try {
      image.src = canvas.toDataURL();
    } catch {
      return; // a tainted canvas stays blank
    }
    image.width = canvas.width;
    image.height = canvas.height;
    image.style.cssText = canvas.style.cssText;
    copy.replaceWith(image);
  });
}
