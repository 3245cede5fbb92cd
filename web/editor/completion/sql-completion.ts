/**
 * Completion for SQL cells from the dataset catalog: dataset names, and column names, after `dataset.` and
 * unqualified when the query reads exactly one dataset (`SELECT cl… FROM ohlcv_daily`).
 */
import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { schemaCompletionSource, type SQLNamespace } from '@codemirror/lang-sql';
import type { DatasetCatalog } from '../../../server/contract';
import { sqlTables } from '../../notebook/sql-tables';
import { tokenizeSql } from '../../notebook/sql-tokens';
import type { CompletionProvider } from './completion-provider';

/**
 * The catalog as CodeMirror's SQL schema: each dataset with its columns and their DuckDB types.
 * @example
 * catalogSchema(catalog).ohlcv_daily; // {self: {label: 'ohlcv_daily', …}, children: [{label: 'date', detail: 'DATE'}, …]}
 */
export function catalogSchema(catalog: DatasetCatalog): Record<string, SQLNamespace> {
  return Object.fromEntries(
    catalog.datasets.map((d) => [
      d.name,
      {
        self: { label: d.name, type: 'type', detail: 'dataset', info: d.title },
        children: d.schema.map((c) => ({ label: c.name, type: 'property', detail: c.type })),
      },
    ]),
  );
}

/**
 * @example
 * sqlLanguage.data.of({ autocomplete: sqlCompletionSource(() => provider) });
 */
export function sqlCompletionSource(provider: () => CompletionProvider | null) {
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const source = provider();
    if (!source) return null;
    const catalog = await source.catalog().catch(() => null);
    if (!catalog) return null;
    const names = new Set(catalog.datasets.map((d) => d.name));
    const read = sqlTables(tokenizeSql(context.state.doc.toString())).referenced.filter((t) =>
      names.has(t),
    );
    const complete = schemaCompletionSource({
      schema: catalogSchema(catalog),
      ...(read.length === 1 ? { defaultTable: read[0] } : {}),
    });
    return complete(context);
  };
}
