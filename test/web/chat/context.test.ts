import { describe, expect, it } from 'vitest';
import { aboutCell } from '../../../web/chat/cell-questions';
import { cellSnapshots, describeContext } from '../../../web/chat/context';
import type { DatasetCatalog } from '../../../server/contract';

const cells = [
  {
    id: 'a',
    kind: 'sql',
    source: 'SELEC close FROM ohlcv_daily',
    status: 'error',
    error: { message: 'syntax error', line: 1, column: 1 },
  },
  { id: 'b', kind: 'js', source: '1 + 1', status: 'ok', output: '2' },
  { id: 'c', kind: 'break', source: '', status: 'ok' },
];

describe('what leaves the machine', () => {
  it('sends outputs only when allowed, and no slide breaks', () => {
    expect(cellSnapshots(cells, true).map((c) => [c.id, c.output])).toEqual([
      ['a', undefined],
      ['b', '2'],
    ]);
    expect(cellSnapshots(cells, false).some((c) => 'output' in c)).toBe(false);
  });

  it('describes the context in plain lines', () => {
    const lines = describeContext(cellSnapshots(cells, false), false);
    expect(lines[0]).toBe('2 cells (a, b), 33 characters');
    expect(lines[1]).toBe('Cell outputs: left out');
  });
});

describe('Fix with Claude', () => {
  it('sends the source, the error with its position and the schema of the dataset it reads', () => {
    const catalog = {
      datasets: [
        {
          name: 'ohlcv_daily',
          schema: [{ name: 'close', type: 'DOUBLE' }],
          partitionKeys: ['currency'],
        },
        { name: 'dvol_daily', schema: [{ name: 'dvol', type: 'DOUBLE' }], partitionKeys: [] },
      ],
    } as unknown as DatasetCatalog;
    const text = aboutCell(cells[0]!, 'fix', catalog);
    expect(text).toContain('```sql\nSELEC close FROM ohlcv_daily\n```');
    expect(text).toContain('Error (line 1, column 1): syntax error');
    expect(text).toContain('Schema of ohlcv_daily: close DOUBLE, currency VARCHAR');
    expect(text).not.toContain('dvol_daily');
  });
});
