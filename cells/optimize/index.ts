/** Small unconstrained optimisers: BFGS with a strong-Wolfe line search, and Nelder–Mead. */
export { bfgs, type MinimizeOptions, type MinimizeResult } from './bfgs';
export { nelderMead, type NelderMeadOptions, type NelderMeadResult } from './nelder-mead';
export { wolfeLineSearch, type Objective, type LineSearchResult } from './line-search';
