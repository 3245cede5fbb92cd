/**
 * The sandbox's own DuckDB instance, apart from the sidecar's: it can read only the datasets folder
 * (`enable_external_access = false` with `allowed_directories`), has a memory limit and no spill files, and
 * its configuration is locked, so even a statement that slipped past the validator could not widen it.
 */
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { queryRows } from '../db/duckdb';
import type { DatasetCatalog } from '../contract';
import { join } from 'node:path';

export interface SandboxLimits {
  /** DuckDB memory limit, e.g. `'1GB'`. */
  memoryLimit: string;
  threads: number;
}

/** Open a locked-down instance that can read only `datasetsDir`. */
export async function openSandboxInstance(
  datasetsDir: string,
  limits: SandboxLimits,
): Promise<DuckDBInstance> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    allow_community_extensions: 'false',
    memory_limit: limits.memoryLimit,
    threads: String(Math.max(1, Math.floor(limits.threads))),
    // No spill files: a query that outgrows the memory limit fails instead of filling the disk.
    temp_directory: '',
  });
  const db = await DuckDBConnection.create(instance);
  try {
    const dir = quoteLiteral(datasetsDir.endsWith('/') ? datasetsDir : `${datasetsDir}/`);
    for (const statement of [
      `SET allowed_directories = [${dir}]`,
      `SET enable_external_access = false`,
      `SET lock_configuration = true`,
    ])
      await queryRows(statement, undefined, db);
  } finally {
    db.closeSync();
  }
  return instance;
}

/**
 * (Re)create one view per dataset over its Parquet partitions, as the browser's DuckDB-WASM sees them.
 *
 * @example
 * await defineDatasetViews(db, '/data', await catalog.read());
 */
export async function defineDatasetViews(
  db: DuckDBConnection,
  datasetsDir: string,
  catalog: DatasetCatalog,
): Promise<void> {
  for (const entry of catalog.datasets) {
    if (entry.partitions.length === 0) continue;
    const files = entry.partitions.map((p) => quoteLiteral(join(datasetsDir, p.path))).join(', ');
    await queryRows(
      `CREATE OR REPLACE VIEW "${entry.name.replaceAll('"', '""')}" AS SELECT * FROM read_parquet([${files}], hive_partitioning = true, union_by_name = true)`,
      undefined,
      db,
    );
  }
}

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
