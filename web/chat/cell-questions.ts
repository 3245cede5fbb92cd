/**
 * The questions behind Fix with Claude and Explain: the cell's source, its error with the position, and the
 * schemas of the datasets its source names. Pure.
 */
import type { DatasetCatalog } from '../../server/contract';
import type { CellState } from './context';

/**
 * @example
 * aboutCell({ id: 'a', kind: 'sql', source: 'SELEC 1', status: 'error', error: { message: 'syntax' } }, 'fix', null);
 */
export function aboutCell(
  cell: CellState,
  mode: 'fix' | 'explain',
  catalog: DatasetCatalog | null,
): string {
  const fence = '```';
  const parts = [
    mode === 'fix'
      ? `Cell ${cell.id} fails. Find the cause and give a corrected version in one fenced block.`
      : `Explain what cell ${cell.id} does and what its output shows.`,
    `${fence}${cell.kind}\n${cell.source}\n${fence}`,
  ];
  if (cell.error) {
    const at = cell.error.line
      ? ` (line ${cell.error.line}, column ${cell.error.column ?? 1})`
      : '';
    parts.push(`Error${at}: ${cell.error.message}`);
  }
  const schemas = (catalog?.datasets ?? []).filter((d) =>
    new RegExp(`\\b${d.name}\\b`).test(cell.source),
  );
  for (const d of schemas)
    parts.push(
      `Schema of ${d.name}: ${[...d.schema.map((c) => `${c.name} ${c.type}`), ...d.partitionKeys.map((k) => `${k} VARCHAR`)].join(', ')}`,
    );
  return parts.join('\n\n');
}
