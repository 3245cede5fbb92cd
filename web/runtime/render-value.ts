/**
 * What a cell shows for a value: DOM nodes as they are (Plot charts, inputs), Arrow tables as `Inputs.table`
 * (capped, saying so), everything else in the Observable inspector.
 */
import * as Inputs from '@observablehq/inputs';
import { Inspector } from '@observablehq/inspector';
import { DateUnit, Type, type Table } from 'apache-arrow';

/** Rows shown for a table result; the rest is counted, not rendered. */
const TABLE_ROW_CAP = 10_000;

function isArrowTable(value: unknown): value is Table {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Table).getChild === 'function' &&
    typeof (value as Table).numRows === 'number' &&
    typeof (value as Table).schema === 'object'
  );
}

export function renderValue(value: unknown, container: HTMLElement): void {
  if (value instanceof Node) {
    container.append(value);
    return;
  }
  if (isArrowTable(value)) {
    container.append(renderTable(value));
    return;
  }
  const slot = document.createElement('div');
  container.append(slot);
  new Inspector(slot).fulfilled(value);
}

function renderTable(table: Table): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.className = 'table-output';
  const shown = table.numRows > TABLE_ROW_CAP ? table.slice(0, TABLE_ROW_CAP) : table;
  wrapper.append(Inputs.table(shown, { maxHeight: 320, format: temporalFormats(table) }));
  const note = document.createElement('div');
  note.className = 'table-note';
  const columns = table.numCols;
  note.textContent =
    table.numRows > TABLE_ROW_CAP
      ? `Showing the first ${TABLE_ROW_CAP.toLocaleString('en-US')} of ${table.numRows.toLocaleString('en-US')} rows (${columns} columns).`
      : `${table.numRows.toLocaleString('en-US')} rows × ${columns} columns`;
  if (table.numRows > TABLE_ROW_CAP) note.dataset.capped = 'true';
  wrapper.append(note);
  return wrapper;
}

/**
 * Inputs.table formats only millisecond dates as dates. The connectors' results hold Date64 already (see
 * `web/data/dated-table.ts`); tables built otherwise (Arrow IPC, `Arrow.tableFromArrays`) may hold day-unit
 * dates or timestamps, read as epoch milliseconds. Format those as ISO text.
 */
function temporalFormats(table: Table): Record<string, (value: unknown) => string> {
  const formats: Record<string, (value: unknown) => string> = {};
  for (const field of table.schema.fields) {
    const { typeId } = field.type;
    if (typeId === Type.Date && (field.type as { unit: DateUnit }).unit === DateUnit.DAY) {
      formats[field.name] = (v) =>
        v == null ? '' : new Date(Number(v)).toISOString().slice(0, 10);
    } else if (typeId === Type.Timestamp) {
      formats[field.name] = (v) =>
        v == null ? '' : new Date(Number(v)).toISOString().replace('T', ' ').replace('.000Z', 'Z');
    }
  }
  return formats;
}
