import { describe, expect, it } from 'vitest';
import { compileMd } from '../../../web/notebook/compile-md';
import { readInterpolation } from '../../../web/notebook/interpolation';

/** The source and the `${…}` span read at the first `$` of `text`. */
function read(text: string): { source: string; span: string } {
  const start = text.indexOf('${');
  const found = readInterpolation(text, start);
  return { source: found.source, span: text.slice(found.start, found.end) };
}

describe('readInterpolation', () => {
  it('reads expressions wrapped whole in parentheses (acorn drops them from the node)', () => {
    expect(read('a ${(1+1)} b')).toEqual({ source: '(1+1)', span: '${(1+1)}' });
    expect(read('${(x)}')).toEqual({ source: '(x)', span: '${(x)}' });
    expect(read('${ ((x)) }!')).toEqual({ source: '((x))', span: '${ ((x)) }' });
    expect(read('${(a, b)}')).toEqual({ source: '(a, b)', span: '${(a, b)}' });
    expect(read('${(x) + (y)}')).toEqual({ source: '(x) + (y)', span: '${(x) + (y)}' });
  });

  it('finds the closing brace past nested braces, strings and template literals', () => {
    expect(read('${ {a: 1}.a } z').source).toBe('{a: 1}.a');
    expect(read('${f({b: "}"})}').source).toBe('f({b: "}"})');
    expect(read('${\'}\' + "{"}').source).toBe('\'}\' + "{"');
    expect(read('${`${n} rows }`}').source).toBe('`${n} rows }`');
    expect(read('${(() => { return 1; })()}').source).toBe('(() => { return 1; })()');
  });

  it('still refuses an expression not closed by }', () => {
    expect(() => readInterpolation('${(x) y}', 0)).toThrow('expected } after interpolation');
    expect(() => readInterpolation('${(x}', 0)).toThrow(/^invalid interpolation/);
  });
});

describe('compileMd with parenthesized interpolations', () => {
  it('compiles ${(1+1)} and ${(x)} with x as the input', () => {
    const cell = compileMd('m', 'Two is ${(1+1)}, x is ${(x)}.');
    expect(cell.error).toBeNull();
    expect(cell.inputs).toEqual(['x']);
    expect(cell.md!.interpolations.map((i) => i.source)).toEqual(['(1+1)', '(x)']);
    expect(cell.md!.template).toBe('Two is VOLLABSLOT0Z, x is VOLLABSLOT1Z.');
  });
});
