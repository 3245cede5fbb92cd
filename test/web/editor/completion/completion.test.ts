import { describe, expect, it } from 'vitest';
import type { DatasetCatalog } from '../../../../server/contract';
import type { DocIndex } from '../../../../web/library-docs/doc-index';
import { searchDocs } from '../../../../web/library-docs/search';
import { summary } from '../../../../web/library-docs/load';
import { declaredNames } from '../../../../web/editor/completion/declared-names';
import { catalogSchema } from '../../../../web/editor/completion/sql-completion';
import { volOptions } from '../../../../web/editor/completion/vol-options';
import { compile } from '../../../../web/notebook/compile';
import { parse } from '../../../../web/notebook/parse';

const entry = (name: string, signature: string) => ({
  name,
  kind: 'function' as const,
  signatures: [signature],
  doc: `${name} does things. More prose.`,
  examples: [],
  file: 'cells/x.ts',
});
const index: DocIndex = {
  namespaces: [
    {
      name: 'series',
      doc: 'Returns: `vol.series`. And more.',
      examples: [],
      file: 'cells/series/index.ts',
      entries: [
        entry('logReturns', '(prices: NumericLike): Float64Array'),
        entry('resample', '()'),
      ],
    },
    { name: 'regime', doc: '', examples: [], file: 'cells/regime/index.ts', entries: [] },
  ],
};

describe('volOptions', () => {
  it('completes vol. to the namespaces and vol.<ns>. to its functions with their signatures', () => {
    expect(volOptions(index, ['vol', 'se'])?.map((o) => [o.label, o.type])).toEqual([
      ['series', 'namespace'],
      ['regime', 'namespace'],
    ]);
    expect(volOptions(index, ['vol', 'series', ''])?.map((o) => [o.label, o.detail])).toEqual([
      ['logReturns', '(prices: NumericLike): Float64Array'],
      ['resample', '()'],
    ]);
  });

  it('leaves other paths alone', () => {
    expect(volOptions(index, ['x', ''])).toBeNull();
    expect(volOptions(index, ['vol', 'nope', ''])).toBeNull();
    expect(volOptions(index, ['vol', 'series', 'logReturns', ''])).toBeNull();
  });
});

describe('searchDocs', () => {
  it('keeps a matching namespace whole and otherwise only matching functions, ignoring case', () => {
    expect(searchDocs(index, 'LOGRET').map((n) => [n.name, n.entries.map((e) => e.name)])).toEqual([
      ['series', ['logReturns']],
    ]);
    expect(searchDocs(index, 'vol.series')[0]?.entries).toHaveLength(2);
    expect(searchDocs(index, '  ')).toBe(index.namespaces);
    expect(searchDocs(index, 'garch')).toEqual([]);
  });
});

it('summary takes the first sentence', () => {
  expect(summary('Returns: `vol.series`. And more.')).toBe('Returns:');
  expect(summary('Log returns ln(p[t+1] / p[t]); length n − 1.\nAccepts more.')).toBe(
    'Log returns ln(p[t+1] / p[t]); length n − 1.',
  );
});

it('catalogSchema gives each dataset its columns with their DuckDB types', () => {
  const catalog = {
    version: 1,
    generatedAt: '',
    datasets: [
      { name: 'ohlcv_daily', title: 'Daily bars', schema: [{ name: 'close', type: 'DOUBLE' }] },
    ],
  } as unknown as DatasetCatalog;
  expect(catalogSchema(catalog)).toEqual({
    ohlcv_daily: {
      self: { label: 'ohlcv_daily', type: 'type', detail: 'dataset', info: 'Daily bars' },
      children: [{ label: 'close', type: 'property', detail: 'DOUBLE' }],
    },
  });
});

it('declaredNames lists JS declarations and SQL ids once, not created tables', () => {
  const text = [
    '```js\nconst a = 1, b = 2\n```',
    '```sql id=daily\nCREATE TABLE t AS SELECT 1\n```',
    '```js\nfunction f() {}\n```',
  ].join('\n\n');
  expect(declaredNames(compile(parse(text)))).toEqual(['a', 'b', 'daily', 'f']);
});
