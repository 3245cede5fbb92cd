/**
 * The sandbox's pure check: given DuckDB's own parse tree of a statement (`json_serialize_sql`), decide whether
 * it may run. Walking the parser's tree, not the text, means comments, quoting and nesting cannot hide a file
 * reader: every table function, every scalar function and every table name is seen exactly as DuckDB sees it.
 */

/** Table functions a query may call: generators only, nothing that reads files, settings or other SQL. */
export const ALLOWED_TABLE_FUNCTIONS: ReadonlySet<string> = new Set([
  'range',
  'generate_series',
  'unnest',
]);

/** Scalar functions refused even though they read no file: they leak the process's environment or settings. */
export const DENIED_FUNCTIONS: ReadonlySet<string> = new Set([
  'getenv',
  'current_setting',
  'read_text',
  'read_blob',
  'glob',
  'query',
  'query_table',
]);

export type SqlVerdict = { ok: true } | { ok: false; reason: string };

/** The shape `json_serialize_sql` returns: an error, or the list of parsed statements. */
export interface SerializedSql {
  error: boolean;
  error_type?: string;
  error_message?: string;
  position?: string;
  statements?: unknown[];
}

/**
 * Whether a parsed statement may run in the sandbox: exactly one SELECT/WITH statement whose tables are the
 * given datasets or its own CTEs, with no file, URL or settings access.
 *
 * @example
 * checkSqlTree(JSON.parse(serialized), new Set(['ohlcv_daily'])); // {ok: true} or {ok: false, reason}
 */
export function checkSqlTree(parsed: SerializedSql, tables: ReadonlySet<string>): SqlVerdict {
  if (parsed.error) {
    if (parsed.error_type === 'parser') {
      const at = parsed.position ? ` at character ${parsed.position}` : '';
      return refuse(`syntax error${at}: ${parsed.error_message ?? 'unparseable'}`);
    }
    return refuse(
      'only one SELECT or WITH statement is allowed (no COPY, ATTACH, INSTALL, LOAD, PRAGMA, SET, DDL or DML)',
    );
  }
  const statements = parsed.statements ?? [];
  if (statements.length !== 1) return refuse(`expected one statement, got ${statements.length}`);
  const cteNames = new Set<string>();
  collectCteNames(statements[0], cteNames);
  const lowerTables = new Set([...tables].map((t) => t.toLowerCase()));
  return walk(statements[0], lowerTables, cteNames);
}

function refuse(reason: string): SqlVerdict {
  return { ok: false, reason };
}

function collectCteNames(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (const child of node) collectCteNames(child, out);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const cteMap = record.cte_map as { map?: { key?: unknown }[] } | undefined;
  for (const entry of cteMap?.map ?? [])
    if (typeof entry.key === 'string') out.add(entry.key.toLowerCase());
  for (const value of Object.values(record)) collectCteNames(value, out);
}

function walk(node: unknown, tables: ReadonlySet<string>, ctes: ReadonlySet<string>): SqlVerdict {
  if (Array.isArray(node)) {
    for (const child of node) {
      const verdict = walk(child, tables, ctes);
      if (!verdict.ok) return verdict;
    }
    return { ok: true };
  }
  if (node === null || typeof node !== 'object') return { ok: true };
  const record = node as Record<string, unknown>;
  const verdict = checkNode(record, tables, ctes);
  if (!verdict.ok) return verdict;
  for (const value of Object.values(record)) {
    if (value === null || typeof value !== 'object') continue;
    const inner = walk(value, tables, ctes);
    if (!inner.ok) return inner;
  }
  return { ok: true };
}

function checkNode(
  node: Record<string, unknown>,
  tables: ReadonlySet<string>,
  ctes: ReadonlySet<string>,
): SqlVerdict {
  if (node.type === 'TABLE_FUNCTION') {
    const fn = node.function as { function_name?: unknown } | undefined;
    const name = String(fn?.function_name ?? '').toLowerCase();
    if (!ALLOWED_TABLE_FUNCTIONS.has(name))
      return refuse(`table function ${name}() is not allowed: query the datasets by name`);
  }
  if (typeof node.function_name === 'string') {
    const name = node.function_name.toLowerCase();
    if (DENIED_FUNCTIONS.has(name)) return refuse(`function ${name}() is not allowed`);
  }
  if (node.type === 'BASE_TABLE') {
    const name = String(node.table_name ?? '');
    const qualified = node.schema_name !== '' || node.catalog_name !== '';
    if (qualified || !(tables.has(name.toLowerCase()) || ctes.has(name.toLowerCase())))
      return refuse(
        `unknown table ${JSON.stringify(name)}: only the datasets (${[...tables].join(', ')}) can be queried`,
      );
  }
  return { ok: true };
}
