/**
 * Model names: one plain file name, `[A-Za-z0-9][A-Za-z0-9._-]*`, at most 100 characters, stored as
 * `<name>.json`. Separators, dot names and encoded tricks are a 403 (they only serve to step outside the
 * folder); anything else malformed is a 400.
 */
import { httpError } from '../http/errors';

export const MAX_NAME_LENGTH = 100;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Validate a model name; returns it unchanged.
 *
 * @example
 * modelName('btc-har.v2'); // 'btc-har.v2'
 * modelName('../secrets'); // throws 403
 */
export function modelName(name: unknown): string {
  if (typeof name !== 'string' || name === '')
    throw httpError(400, 'invalid model name: expected a non-empty string');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw httpError(400, 'invalid model name: control character');
  if (/[/\\%:]/.test(name) || name.startsWith('.')) throw httpError(403, 'forbidden model name');
  if (name.length > MAX_NAME_LENGTH)
    throw httpError(400, `invalid model name: longer than ${MAX_NAME_LENGTH}`);
  if (!NAME.test(name)) throw httpError(400, `invalid model name: ${JSON.stringify(name)}`);
  return name;
}

/** A model name from the raw (percent-encoded) URL tail after `/api/models/`, decoded exactly once. */
export function modelNameFromUrl(rawTail: string): string {
  if (rawTail.includes('/')) throw httpError(403, 'forbidden model name');
  let name: string;
  try {
    name = decodeURIComponent(rawTail);
  } catch (error) {
    throw httpError(400, 'malformed percent-encoding in model name', {}, error);
  }
  return modelName(name);
}
