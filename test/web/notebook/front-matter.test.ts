import { describe, expect, it } from 'vitest';
import { formatFrontMatter } from '../../../web/notebook/front-matter-format';
import { parseFrontMatter } from '../../../web/notebook/front-matter';
import { parse } from '../../../web/notebook/parse';

describe('parseFrontMatter', () => {
  it('reads scalars, quoted strings and comments', () => {
    const text = [
      'title: "a: b # not a comment"  # a comment',
      "quote: 'it''s'",
      'escaped: "tab\\there \\u00e9"',
      'n: 1_000',
      'x: 1.5e3',
      'no: false',
      'nil: ~',
      'date: 2024-06-01',
      'url: http://x.io/a#b',
    ].join('\n');
    expect(parseFrontMatter(text)).toEqual({
      title: 'a: b # not a comment',
      quote: "it's",
      escaped: 'tab\there é',
      n: 1000,
      x: 1500,
      no: false,
      nil: null,
      date: '2024-06-01',
      url: 'http://x.io/a#b',
    });
  });

  it('reads flow lists and nested flow maps', () => {
    expect(
      parseFrontMatter('datasets: [ohlcv_daily, {name: option_chain, where: {currency: BTC}}, []]'),
    ).toEqual({
      datasets: ['ohlcv_daily', { name: 'option_chain', where: { currency: 'BTC' } }, []],
    });
  });

  it('reads block lists, list items that are maps, and nested maps', () => {
    const text = [
      'datasets:',
      '  - ohlcv_daily',
      '  - name: option_chain',
      '    where:',
      '      currency: BTC',
      'tags:',
      '- a',
      '-',
      '  - nested',
      'empty:',
    ].join('\n');
    expect(parseFrontMatter(text)).toEqual({
      datasets: ['ohlcv_daily', { name: 'option_chain', where: { currency: 'BTC' } }],
      tags: ['a', ['nested']],
      empty: null,
    });
  });

  it.each([
    ['title: "open', 1, 8, 'unterminated string'],
    ['a: 1\na: 2', 2, 1, 'duplicate key a'],
    ['a: [1, 2', 1, 4, 'unterminated flow list'],
    ['a: 1\n  b: 2', 2, 3, 'unexpected indentation'],
    ['just text', 1, 1, 'expected key: value'],
    ['a: |\n  text', 1, 4, 'block scalars are not supported'],
  ])('reports %j at line %i, column %i', (yaml, line, column, message) => {
    const notebook = parse(`---\n${yaml}\n---\nBody\n`);
    expect(notebook.errors).toEqual([
      expect.objectContaining({ message: `front matter: ${message}`, line: line + 1, column }),
    ]);
  });

  it('formats data that reads back the same', () => {
    const data = {
      title: 'Vol: term structure',
      n: 3,
      flag: true,
      s: '3',
      tricky: "it's [not] a list",
      datasets: ['a', { name: 'b', where: { currency: 'BTC' } }],
    };
    const text = formatFrontMatter(data);
    expect(parse(`${text}Body\n`).frontMatter!.data).toEqual(data);
  });
});
