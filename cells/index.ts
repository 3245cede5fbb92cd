/**
 * The analytics library notebooks see as `vol`: pure functions on typed arrays, no DOM, no IO.
 * Each namespace is one folder of `cells/`.
 */
export * as random from './random';
