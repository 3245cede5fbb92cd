import type * as tfjs from '@tensorflow/tfjs';
import { decodeBase64, encodeBase64 } from './base64';

export type Tf = typeof tfjs;

/** A tfjs layers model as plain JSON (weights base64), e.g. to save through the sidecar. */
export interface SerializedModel {
  modelTopology: object;
  weightSpecs: tfjs.io.WeightsManifestEntry[];
  weightData: string;
}

/**
 * Serialize a layers model with a custom IOHandler: `model.save` hands us topology, weight specs and the
 * concatenated weight bytes, which we keep as base64.
 *
 * @example
 * const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
 * const json = await saveModel(tf, model);
 * const again = await loadModel(tf, json);
 */
export async function saveModel(tf: Tf, model: tfjs.LayersModel): Promise<SerializedModel> {
  let saved: SerializedModel | undefined;
  await model.save({
    save: async (artifacts) => {
      if (!artifacts.modelTopology || !artifacts.weightSpecs || !artifacts.weightData) {
        throw new TypeError('model artifacts are incomplete');
      }
      const bytes = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData));
      saved = {
        modelTopology: artifacts.modelTopology as object,
        weightSpecs: artifacts.weightSpecs,
        weightData: encodeBase64(bytes),
      };
      return {
        modelArtifactsInfo: {
          dateSaved: new Date(0),
          modelTopologyType: 'JSON',
          weightDataBytes: bytes.byteLength,
        },
      };
    },
  });
  return saved!;
}

/** Load a model written by `saveModel`. */
export async function loadModel(tf: Tf, json: SerializedModel): Promise<tfjs.LayersModel> {
  const bytes = decodeBase64(json.weightData);
  const weightData = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer;
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightSpecs,
      weightData,
    }),
  );
}
