/** The runner's report as text for the terminal, or as JSON (values left out: they need not serialize). */
import type { RunReport } from './run';

/**
 * @example
 * console.log(formatReport(report)); // '  ok     12 ms  line 20  days  Table 3653 × 7 […]'
 */
export function formatReport(report: RunReport): string {
  const lines = [`${report.title}`];
  for (const error of report.errors) lines.push(`  error: ${error}`);
  for (const cell of report.cells) {
    const status = cell.status.padEnd(7);
    const ms = Number.isFinite(cell.ms) ? `${cell.ms.toFixed(0)} ms` : '–';
    const names = cell.names.length > 0 ? `${cell.names.join(', ')}  ` : '';
    const detail = cell.status === 'ok' ? cell.summary : (cell.error ?? 'did not finish');
    lines.push(
      `  ${status}${ms.padStart(9)}  line ${String(cell.line).padEnd(4)} ${cell.kind.padEnd(3)} ${names}${detail}`,
    );
  }
  const failed = report.cells.filter((c) => c.status !== 'ok').length;
  const verdict = report.ok ? 'all cells ok' : `${failed} of ${report.cells.length} cells failed`;
  lines.push(`${verdict} in ${(report.ms / 1000).toFixed(1)} s`);
  return lines.join('\n');
}

/** The report without `values`, as one JSON document. */
export function reportJson(report: RunReport): string {
  const { values: _values, ...rest } = report;
  return JSON.stringify(rest, null, 2);
}
