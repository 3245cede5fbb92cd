import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { compileMd } from '../../../web/notebook/compile-md';
import { renderMarkdownCell } from '../../../web/notebook/render-md';

const md = new MarkdownIt();
const render = (source: string, values: unknown[]) =>
  renderMarkdownCell(compileMd('m', source).md!, values, (s) => md.render(s)).html;

describe('Markdown cells', () => {
  it('inserts escaped text where Markdown would otherwise read markup', () => {
    expect(render('**n** = ${n}, *${s}*', [3, '<i>*x*</i>'])).toBe(
      '<p><strong>n</strong> = 3, <em>&#60;i&#62;*x*&#60;/i&#62;</em></p>\n',
    );
  });

  it('puts objects and nodes in slots the caller replaces', () => {
    expect(render('A ${a} and ${b}; ${c}.', [{ k: 1 }, null, [1, 2]])).toBe(
      '<p>A <span data-vollab-slot="0"></span> and ; <span data-vollab-slot="2"></span>.</p>\n',
    );
  });

  it('survives headings, lists and link targets', () => {
    expect(render('# ${t}\n\n- ${x}\n\n[link](${u})', ['Vol', 1.5, 'https://x.io/?a=1&b=2'])).toBe(
      '<h1>Vol</h1>\n<ul>\n<li>1.5</li>\n</ul>\n<p><a href="https://x.io/?a=1&#38;b=2">link</a></p>\n',
    );
  });

  it('leaves code spans and escaped interpolations alone', () => {
    const cell = compileMd('m', 'Use `${x}` or ``${y}`` or \\${z}; ${w}');
    expect(cell.md!.interpolations.map((i) => i.source)).toEqual(['w']);
    expect(cell.inputs).toEqual(['w']);
  });

  it('reports an unclosed interpolation at its position', () => {
    expect(compileMd('m', 'ok\nthen ${a + }').error).toEqual({
      message: expect.stringMatching(/^invalid interpolation/),
      line: 2,
      column: 12,
    });
  });
});
