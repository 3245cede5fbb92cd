/**
 * The worker-side registry: each entry runs one library function on posted (structured-cloned) arguments and
 * returns plain data. Fitted objects with methods are returned in their plain form (`toJSON()`, scores,
 * predictions). Adding a task is one line here.
 */
import type { Tf } from '../../cells/forecast/neural-io';
import {
  isolationForest,
  randomForest,
  type IsolationForestOptions,
  type RandomForestOptions,
  type RowsInput,
} from '../../cells/anomaly';
import { fitAr, fitGarch, fitHar, type GarchOptions, type HarOptions } from '../../cells/forecast';
import { fitGaussianHmm, selectStates, type HmmInput } from '../../cells/regime';
import { withContext, type TaskRegistry } from './context';
import { dtwRowsTask } from './task-dtw';
import { fitNeuralTask, walkForwardTask } from './task-forecast';

type Series = ArrayLike<number>;

/**
 * @example
 * const tasks = createRegistry({ loadTf });
 * await tasks['regime.fitGaussianHmm']!([returns, { states: 2 }], context);
 */
export function createRegistry(deps: { loadTf: () => Promise<Tf> }): TaskRegistry {
  return {
    'cluster.dtwMatrixRows': dtwRowsTask,
    'regime.fitGaussianHmm': ([x, o], c) => fitGaussianHmm(x as HmmInput, withContext(o, c)),
    'regime.selectStates': ([x, o], c) => selectStates(x as HmmInput, withContext(o, c)),
    'anomaly.isolationForest': ([rows, o, score], c) => {
      c.progress(null);
      const forest = isolationForest(rows as RowsInput, o as IsolationForestOptions);
      const dims = (o as { dims?: number } | undefined)?.dims;
      const { trees, sampleSize } = forest;
      return {
        trees,
        sampleSize,
        dims: forest.dims,
        scores: forest.score((score ?? rows) as RowsInput, { ...(dims ? { dims } : {}) }),
      };
    },
    'anomaly.randomForest': ([rows, labels, o, predict], c) => {
      const rf = randomForest(
        rows as RowsInput,
        labels as ArrayLike<number>,
        withContext<RandomForestOptions>(o, c),
      );
      const dims = (o as { dims?: number } | undefined)?.dims;
      const at = (predict ?? rows) as RowsInput;
      const { classes, oobError, featureImportance } = rf;
      const query = dims ? { dims } : {};
      return {
        classes,
        dims: rf.dims,
        oobError,
        featureImportance,
        predictions: rf.predict(at, query),
        probabilities: rf.predictProba(at, query),
      };
    },
    'forecast.fitAr': ([x, p]) => fitAr(x as Series, p as number).toJSON(),
    'forecast.fitHar': ([x, o]) => fitHar(x as Series, o as HarOptions).toJSON(),
    'forecast.fitGarch': ([x, o]) => fitGarch(x as Series, o as GarchOptions).toJSON(),
    'forecast.walkForward': (args, c) => walkForwardTask(args, c, deps.loadTf),
    'forecast.fitNeural': (args, c) => fitNeuralTask(args, c, deps.loadTf),
  };
}
