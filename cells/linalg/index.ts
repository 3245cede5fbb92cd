/** Small dense linear algebra on row-major Float64Arrays: least squares, solves, inverses. */
export { lstsq, type LeastSquares } from './qr';
export { solve, inverse } from './lu';
export { cholesky, choleskySolve } from './cholesky';
