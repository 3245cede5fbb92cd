/**
 * Clustering of volatility series: DTW with bands, lower bounds and early abandoning; condensed distance
 * matrices split across workers; hierarchical, k-means and k-medoids clustering; silhouettes; choosing k.
 */
export {
  condensedIndex,
  condensedLength,
  itemsFromCondensed,
  rowOffset,
  squareForm,
} from './condensed';
export { zNormalize } from './znormalize';
export { dtw, bandWidth, type DtwCost, type DtwOptions } from './dtw';
export type { DtwEngine } from './dtw-lanes';
export { envelope, lbKeogh, type Envelope } from './envelope';
export {
  dtwMatrix,
  dtwMatrixRows,
  packSeries,
  splitRows,
  type DtwMatrixOptions,
  type PackedSeries,
} from './dtw-matrix';
export { linkage, linkageMethods, type LinkageMethod } from './linkage';
export { fcluster } from './fcluster';
export { dendrogram, dendrogramLeaves, type DendrogramLayout } from './dendrogram';
export { kmeans, type KMeansOptions, type KMeansResult } from './kmeans';
export { kmedoids, type KMedoidsOptions, type KMedoidsResult } from './kmedoids';
export { silhouette, type SilhouetteResult } from './silhouette';
export { chooseKBySilhouette, elbow, type KScan } from './choose-k';
