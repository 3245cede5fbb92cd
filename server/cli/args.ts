/** Command-line arguments for the CLIs: `node:util`'s parseArgs, with a usage line and exit 2 on a mistake. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Print `message` and the usage line, then exit 2 (bad usage). */
export function failUsage(usage: string, message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

/**
 * @example
 * const { values, positionals } = parseCliArgs(USAGE, { json: { type: 'boolean' } });
 */
export function parseCliArgs<O extends Options>(usage: string, options: O) {
  try {
    return parseArgs({ allowPositionals: true, options });
  } catch (error) {
    return failUsage(usage, (error as Error).message);
  }
}
