/**
 * `npm run notebook -- run <file.md> [--inputs '{"states":4}'] [--json] [--datasets DIR]`: run a notebook
 * headless and print each cell's status, time and value; the exit code is 1 when a cell fails, 2 on bad usage.
 */
import { formatReport, reportJson } from '../notebook-runner/format';
import { runNotebook } from '../notebook-runner/run';
import { failUsage, parseCliArgs } from './args';

const USAGE =
  'usage: npm run notebook -- run <notebook.md> [--inputs \'{"name": value}\'] [--json] [--datasets DIR]';

const fail = (message: string): never => failUsage(USAGE, message);

const { values, positionals } = parseCliArgs(USAGE, {
  inputs: { type: 'string' },
  json: { type: 'boolean' },
  datasets: { type: 'string' },
});
const [command, path] = positionals;
if (command !== 'run' || !path || positionals.length > 2) fail('expected: run <notebook.md>');
let inputs: Record<string, unknown> = {};
if (values.inputs !== undefined) {
  try {
    inputs = JSON.parse(values.inputs) as Record<string, unknown>;
  } catch {
    fail(`invalid --inputs: not JSON: ${values.inputs}`);
  }
  if (inputs === null || typeof inputs !== 'object' || Array.isArray(inputs))
    fail('invalid --inputs: expected a JSON object of input names to values');
}
try {
  const report = await runNotebook(path, { inputs, datasetsDir: values.datasets });
  console.log(values.json ? reportJson(report) : formatReport(report));
  process.exit(report.ok ? 0 : 1);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
