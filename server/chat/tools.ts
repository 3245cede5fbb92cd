/**
 * The assistant's tools, all read-only: the catalog, a dataset's description, sandboxed SQL, the notebook's
 * cells as the browser reported them, and cell proposals the user may accept. None writes anything.
 */
import type { CatalogReader } from '../datasets/catalog-reader';
import type { SqlSandbox } from '../sql-sandbox/sandbox';
import type { ChatCellSnapshot, ChatProposal, ChatToolResultPayload } from '../contract';

/** Rows of a `run_sql` result sent back to the model (the panel shows up to 1,000). */
export const MODEL_ROWS = 100;

export interface ToolContext {
  catalog: CatalogReader;
  sandbox: SqlSandbox;
  cells: ChatCellSnapshot[] | undefined;
}

export interface ToolOutcome {
  /** What goes back to the model as the tool_result content. */
  forModel: string;
  /** What the panel shows. */
  payload: ChatToolResultPayload;
  proposal?: ChatProposal;
}

/** A refused or failing tool: the message goes back to the model as an error result. */
export class ToolError extends Error {
  override readonly name = 'ToolError';
}

/**
 * Run one tool call.
 *
 * @example
 * const outcome = await runTool('run_sql', { sql: 'SELECT 1' }, ctx);
 */
export async function runTool(
  name: string,
  input: Record<string, unknown>,
  ctx: ToolContext,
): Promise<ToolOutcome> {
  switch (name) {
    case 'list_datasets': {
      const catalog = await ctx.catalog.read();
      const value = catalog.datasets.map((d) => ({
        name: d.name,
        title: d.title,
        rows: d.rows,
        timeRange: d.timeRange,
        columns: d.schema.map((c) => c.name),
      }));
      return plain(value);
    }
    case 'describe_dataset': {
      const entry = await ctx.catalog.find(String(input.name ?? ''));
      if (!entry) throw new ToolError(`unknown dataset: ${String(input.name)}`);
      const sample = await ctx.sandbox.run(
        `SELECT * FROM "${entry.name.replaceAll('"', '""')}" LIMIT 5`,
      );
      return plain({
        name: entry.name,
        description: entry.description,
        columns: [
          ...entry.schema,
          ...entry.partitionKeys.map((k) => ({ name: k, type: 'VARCHAR' })),
        ],
        rows: entry.rows,
        timeColumn: entry.timeColumn,
        timeRange: entry.timeRange,
        sample: { columns: sample.columns.map((c) => c.name), rows: sample.rows },
      });
    }
    case 'run_sql': {
      if (typeof input.sql !== 'string') throw new ToolError('run_sql needs {sql: string}');
      const result = await ctx.sandbox.run(input.sql).catch((error: unknown) => {
        throw new ToolError(error instanceof Error ? error.message : String(error));
      });
      const shown = result.rows.slice(0, MODEL_ROWS);
      const note =
        result.totalRows > shown.length
          ? `first ${shown.length} of ${result.totalRows} rows`
          : `${result.totalRows} rows`;
      return {
        forModel: JSON.stringify({
          columns: result.columns,
          rows: shown,
          totalRows: result.totalRows,
          note,
        }),
        payload: { columns: result.columns, rows: result.rows, totalRows: result.totalRows },
      };
    }
    case 'get_notebook':
      if (!ctx.cells) throw new ToolError('no notebook is open');
      return plain({ cells: ctx.cells });
    case 'propose_cell': {
      const proposal = readProposal(input);
      return {
        forModel: 'Shown to the user, who decides whether to add it.',
        payload: { value: proposal },
        proposal,
      };
    }
    default:
      throw new ToolError(`unknown tool: ${name}`);
  }
}

function plain(value: unknown): ToolOutcome {
  return { forModel: JSON.stringify(value), payload: { value } };
}

function readProposal(input: Record<string, unknown>): ChatProposal {
  const { kind, source, after, replace } = input;
  if (kind !== 'js' && kind !== 'sql' && kind !== 'md')
    throw new ToolError('propose_cell: kind must be js, sql or md');
  if (typeof source !== 'string' || source.trim() === '')
    throw new ToolError('propose_cell: source must be a non-empty string');
  return {
    kind,
    source,
    ...(typeof after === 'string' ? { after } : {}),
    ...(typeof replace === 'string' ? { replace } : {}),
  };
}
