/**
 * Each cell's output as HTML, recorded during an export's headless run: the same `CellOutput` the viewer shows
 * (Plot's SVG, Inputs' tables and forms, the inspector, rendered Markdown) built in the runner's linkedom
 * document. The viewer paints these at once and runs a cell only when something it depends on changes.
 */
import { CellOutput } from '../../web/components/cell-output';
import type { CompiledCell } from '../../web/notebook/compiled';
import type { CellObserver } from '../../web/notebook/define';
import { installDom } from '../notebook-runner/dom';

export interface OutputRecorder {
  /** The `observe` option of `runNotebook`. */
  observe(cell: CompiledCell): CellObserver;
  /** Cell id → output HTML, for every cell that settled without error. */
  outputs(): Record<string, string>;
}

/**
 * @example
 * const recorder = createOutputRecorder();
 * await runNotebook({ text }, { observe: (cell) => recorder.observe(cell) });
 * recorder.outputs(); // { 'a1b2c3': '<figure …' }
 */
export function createOutputRecorder(): OutputRecorder {
  installDom();
  const outputs = new Map<string, CellOutput>();
  return {
    observe(cell) {
      const output = new CellOutput(() => undefined);
      outputs.set(cell.id, output);
      return output.observer(cell);
    },
    outputs() {
      const html: Record<string, string> = {};
      for (const [id, output] of outputs) {
        if (output.status === 'ok') html[id] = output.element.innerHTML;
      }
      return html;
    },
  };
}
