import { compile } from '../../web/notebook/compile';
import type { CompiledCell } from '../../web/notebook/compiled';
import { updateCell } from '../../web/notebook/edit';
import { parse } from '../../web/notebook/parse';
import { serialize } from '../../web/notebook/serialize';
import type { BenchSuite } from './harness';

/** A 200-cell study: front matter, then rounds of prose, SQL, and JS cells. */
function notebookText(cells: number): string {
  const parts = ['---\ntitle: Bench\ndatasets: [ohlcv_daily]\n---\n'];
  for (let i = 0; parts.length <= cells; i++) {
    parts.push(
      `## Step ${i}\n\nReturns for window ${'${w' + i + '}'} days, mean ${'${m' + i + '.toFixed(3)}'}.\n`,
    );
    parts.push(
      '```sql id=q' +
        i +
        '\nSELECT date, close FROM ohlcv_daily\nWHERE symbol = ${symbol} AND close > ${w' +
        i +
        ' * 10}\nORDER BY date\n```\n',
    );
    parts.push(
      '```js\nconst w' +
        i +
        ' = ' +
        (i + 5) +
        '\nconst {m' +
        i +
        ', s' +
        i +
        '} = (() => {\n  const xs = Array.from(q' +
        i +
        ', (r) => r.close)\n  let m = 0\n  for (const x of xs) m += x / xs.length\n  return {m' +
        i +
        ': m, s' +
        i +
        ': Math.sqrt(m)}\n})()\n```\n',
    );
    parts.push('```js\nPlot.lineY(q' + i + ', {x: "date", y: "close"}).plot({width})\n```\n');
  }
  return parts.slice(0, cells + 1).join('');
}

const text = notebookText(200);
const notebook = parse(text);
const cache = new Map<string, CompiledCell>();
compile(notebook, cache);
const target = notebook.cells[101]!;

export const suite: BenchSuite = {
  name: 'notebook model',
  cases: [
    {
      name: 'parse 200-cell notebook',
      items: { count: 200, unit: 'cells' },
      goal: '< 5 ms',
      run: () => void parse(text),
    },
    {
      name: 'parse + compile 200-cell notebook (cold)',
      items: { count: 200, unit: 'cells' },
      goal: '< 50 ms',
      run: () => void compile(parse(text)),
    },
    {
      name: 'edit one cell, re-parse + compile with cache',
      goal: '< 5 ms',
      run: () => {
        const edited = serialize(
          updateCell(notebook, target.id, { source: `${target.source}\n// x` }),
        );
        compile(parse(edited), cache);
      },
    },
    {
      name: 'serialize untouched 200-cell notebook',
      goal: '< 1 ms',
      run: () => void serialize(notebook),
    },
  ],
};
