import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocIndex } from '../../../server/library-docs/extract';

const root = resolve(import.meta.dirname, '../../..');
const index = extractDocIndex(join(import.meta.dirname, 'fixture/index.ts'), root);
const geometry = index.namespaces.find((n) => n.name === 'geometry')!;
const entry = (name: string) => geometry.entries.find((e) => e.name === name);

describe('extractDocIndex on a fixture library', () => {
  it('lists the re-exported namespaces in source order, with their files and header comments', () => {
    expect(index.namespaces.map((n) => [n.name, n.file])).toEqual([
      ['geometry', 'test/server/library-docs/fixture/geometry.ts'],
      ['units', 'test/server/library-docs/fixture/units.ts'],
    ]);
    expect(geometry.doc).toBe('Plane geometry: `lib.geometry`.');
    expect(geometry.examples).toEqual(['lib.geometry.distance([0, 0], [3, 4]);']);
  });

  it('keeps values, sorted by name, and leaves types out', () => {
    expect(geometry.entries.map((e) => [e.name, e.kind])).toEqual([
      ['distance', 'function'],
      ['midpoint', 'function'],
      ['ORIGIN', 'const'],
      ['Polygon', 'class'],
      ['scale', 'function'],
      ['undocumented', 'function'],
    ]);
  });

  it('gives a signature as written, defaults dropped, and the doc text with every example', () => {
    expect(entry('distance')).toEqual({
      name: 'distance',
      kind: 'function',
      file: 'test/server/library-docs/fixture/geometry.ts',
      signatures: ['(a: Point, b: Point, options?: DistanceOptions): number'],
      doc:
        'Euclidean distance between two points.\n\nSquared on request, for comparisons.\n' +
        '@param options - `squared` skips the square root',
      examples: [
        'distance([0, 0], [3, 4]); // → 5',
        'distance([0, 0], [3, 4], { squared: true }); // → 25',
      ],
    });
  });

  it('shows the overloads, not the implementation', () => {
    expect(entry('scale')?.signatures).toEqual([
      '(x: number, by?: number): number',
      '(x: readonly number[], by?: number): number[]',
    ]);
    expect(entry('scale')?.doc).toBe('Scales a number or each number of an array.');
  });

  it('reads a class by its constructor, a const arrow as a function, a const by its type', () => {
    expect(entry('Polygon')?.signatures).toEqual(['(points: readonly Point[], label?: string)']);
    expect(entry('Polygon')?.doc).toBe('A closed polygon.');
    expect(entry('midpoint')?.signatures).toEqual(['(a: Point, b: Point): Point']);
    expect(entry('midpoint')?.doc).toBe('The midpoint of a segment.');
    expect(entry('ORIGIN')?.signatures).toEqual([': Point']);
    expect(index.namespaces[1]!.entries[0]?.signatures).toEqual([': 360']);
  });

  it('names destructured parameters without their defaults; no comment gives empty docs', () => {
    expect(entry('undocumented')).toMatchObject({
      signatures: ['({x, y}?: {x?: number; y?: number}): number'],
      doc: '',
      examples: [],
    });
  });
});
