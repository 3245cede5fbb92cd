/**
 * Lazy scaling of the forward variables. Rabiner (1989) divides every α_t by its sum c_t; that
 * division sits on the recursion's critical path (α_{t+1} needs α_t normalized) and costs a log
 * per step. Any scale factors d_t serve as well if the backward pass divides by the same ones: we
 * take d_t = c_t only when a row's sum leaves [RESCALE_BELOW, RESCALE_ABOVE] and d_t = 1
 * otherwise. Then ln L = Σ ln d_t + ln Σ_k α̂_{T−1}(k), posteriors are α̂_t β̂_t normalized per
 * row, and Σ_t ξ_t is divided by Σ_k α̂_{T−1}(k). A kept row sum lies within 1e±20, so one step
 * can shrink it by 1e-280 without underflow (about what per-step scaling allows) or grow it by
 * the largest scaled emission (at most 1e100, see emission.ts) without overflow.
 */
export const RESCALE_BELOW = 1e-20;
export const RESCALE_ABOVE = 1e20;
