/**
 * The analytics library notebooks see as `vol`: pure functions on typed arrays, no DOM, no IO.
 * Each namespace is one folder of `cells/`.
 */
export * as random from './random';
export * as options from './options';
export * as surface from './surface';
export * as series from './series';
export * as regime from './regime';
export * as forecast from './forecast';
export * as cluster from './cluster';
export * as anomaly from './anomaly';
export * as filter from './filter';
export * as portfolio from './portfolio';
