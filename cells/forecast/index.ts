/**
 * Volatility forecasting: AR, HAR-RV and GARCH(1,1) fits with h-step forecasts and JSON round trips;
 * MLP/LSTM/GRU forecasters on a caller-supplied tfjs; walk-forward evaluation; losses and Diebold–Mariano.
 */
export { fitAr, arFromJSON, type ArFit, type ArJson } from './ar';
export { fitHar, harFromJSON, type HarFit, type HarJson, type HarOptions } from './har';
export { fitGarch, type GarchOptions } from './garch';
export { garchFromJSON, type GarchFit, type GarchJson } from './garch-model';
export {
  garchLogLikelihood,
  presampleVariance,
  type GarchDist,
  type GarchInit,
  type GarchParams,
} from './garch-likelihood';
export { lossSeries, meanLoss, lossNames, type LossName } from './losses';
export {
  dieboldMariano,
  type DieboldMarianoOptions,
  type DieboldMarianoResult,
} from './diebold-mariano';
export { studentTCdf } from './student-t';
export {
  walkForward,
  type Forecaster,
  type WalkForwardOptions,
  type WalkForwardResult,
} from './walk-forward';
export { arForecaster, harForecaster, garchForecaster, neuralForecaster } from './forecasters';
export {
  fitNeural,
  neuralFromJSON,
  neuralKinds,
  type NeuralFit,
  type NeuralJson,
  type NeuralKind,
  type NeuralOptions,
} from './neural';
export { saveModel, loadModel, type SerializedModel, type Tf } from './neural-io';
