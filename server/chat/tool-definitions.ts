/**
 * The tools the model may call, as the Messages API declares them: names, what each does, their JSON input
 * schemas. All are read-only; `propose_cell` only suggests.
 */
import type { Tool } from '@anthropic-ai/sdk/resources/messages/messages';

export const TOOL_DEFINITIONS: Tool[] = [
  {
    name: 'list_datasets',
    description:
      'List the datasets (SQL views) with their row counts, time ranges and column names.',
    input_schema: { type: 'object', properties: {} },
  },
  {
    name: 'describe_dataset',
    description: 'Columns, types, row count, time range and a few rows of one dataset.',
    input_schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
  },
  {
    name: 'run_sql',
    description:
      'Run one read-only DuckDB SELECT/WITH statement over the datasets (by name). No file readers. At most 1,000 rows come back, with the total count.',
    input_schema: { type: 'object', properties: { sql: { type: 'string' } }, required: ['sql'] },
  },
  {
    name: 'get_notebook',
    description:
      "The open notebook's cells: id, kind, source, status, error with position, output summary.",
    input_schema: { type: 'object', properties: {} },
  },
  {
    name: 'propose_cell',
    description:
      'Suggest a cell to the user (kind js, sql or md). It is only added if the user clicks; give `after` (a cell id) to insert after it, or `replace` to replace that cell.',
    input_schema: {
      type: 'object',
      properties: {
        kind: { type: 'string', enum: ['js', 'sql', 'md'] },
        source: { type: 'string' },
        after: { type: 'string' },
        replace: { type: 'string' },
      },
      required: ['kind', 'source'],
    },
  },
];
