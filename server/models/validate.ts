/** What a stored model may be: `toJSON()` output of a fit (with a `kind`), or tfjs artifacts. */
import { httpError } from '../http/errors';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Parse and check a model body; returns its canonical JSON text and its kind (`ar`, `har`, `garch`,
 * `neural`, … or `tfjs` for bare artifacts).
 *
 * @example
 * modelText('{"kind":"ar","p":1,"coefficients":[0,0.5],"sigma2":1,"tail":[2]}').kind; // 'ar'
 */
export function modelText(body: string): { text: string; kind: string } {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw httpError(400, 'malformed JSON body', {}, error);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw httpError(400, 'invalid model: expected a JSON object');
  const kind = modelKind(value as Record<string, unknown>);
  return { text: JSON.stringify(value), kind };
}

/** The kind of a parsed model object; throws a 400 when it is neither a fit's JSON nor tfjs artifacts. */
export function modelKind(model: Record<string, unknown>): string {
  const artifacts = 'modelTopology' in model || 'weightData' in model || 'weightSpecs' in model;
  if (artifacts) {
    checkArtifacts(model);
    return typeof model.kind === 'string' ? model.kind : 'tfjs';
  }
  if (typeof model.kind !== 'string' || model.kind === '')
    throw httpError(400, 'invalid model: expected a `kind` (toJSON() output) or tfjs artifacts');
  if (model.kind === 'neural') {
    if (typeof model.model !== 'object' || model.model === null)
      throw httpError(400, 'invalid model: neural JSON without `model`');
    checkArtifacts(model.model as Record<string, unknown>);
  }
  return model.kind;
}

function checkArtifacts(a: Record<string, unknown>): void {
  if (typeof a.modelTopology !== 'object' || a.modelTopology === null)
    throw httpError(400, 'invalid model: modelTopology must be an object');
  if (!Array.isArray(a.weightSpecs))
    throw httpError(400, 'invalid model: weightSpecs must be an array');
  if (
    typeof a.weightData !== 'string' ||
    a.weightData.length % 4 !== 0 ||
    !BASE64.test(a.weightData)
  )
    throw httpError(400, 'invalid model: weightData must be base64');
}
