"""Independent reference values for test/cells/forecast (numpy 2.4.6, scipy 1.17.1).

Run: cd test/golden/forecast && python3 reference.py  → writes reference.json
Nothing here is imported by the tests; the JSON is the committed fixture.

- GARCH(1,1): data simulated here with numpy's PCG64(seed); the log-likelihood is a straightforward
  loop (arch's backcast: 0.94-weighted mean of the first min(75, T) squared residuals, h1 = w + (a+b) s0);
  the fit minimises -loglik with scipy.optimize.minimize(method='SLSQP') on (omega / var, alpha, beta[, nu]) with
  bounds and the constraint a + b < 1, from several starts, best kept.
- AR(p) and HAR: coefficients by numpy.linalg.lstsq (SVD), not QR.
- Student-t CDF: scipy.stats.t.cdf.
- Diebold-Mariano: the HLN statistic by hand with Bartlett (Newey-West) and rectangular weights.
"""
import json
import math

import numpy as np
from scipy import optimize, special, stats


def simulate_garch(rng, T, omega, alpha, beta, mu=0.0, nu=None):
    h = omega / (1 - alpha - beta)
    out = np.empty(T)
    for t in range(T):
        if nu is None:
            z = rng.standard_normal()
        else:
            z = rng.standard_t(nu) * math.sqrt((nu - 2) / nu)
        e = math.sqrt(h) * z
        out[t] = mu + e
        h = omega + alpha * e * e + beta * h
    return out


def backcast(eps):
    tau = min(75, len(eps))
    w = 0.94 ** np.arange(tau)
    w = w / w.sum()
    return float(np.sum(eps[:tau] ** 2 * w))


def loglik(params, eps, dist):
    omega, alpha, beta = params[:3]
    s0 = backcast(eps)
    h = omega + (alpha + beta) * s0
    total = 0.0
    for e in eps:
        if dist == "normal":
            total += -0.5 * (math.log(2 * math.pi) + math.log(h) + e * e / h)
        else:
            nu = params[3]
            total += (
                special.gammaln((nu + 1) / 2)
                - special.gammaln(nu / 2)
                - 0.5 * math.log(math.pi * (nu - 2))
                - 0.5 * math.log(h)
                - (nu + 1) / 2 * math.log(1 + e * e / (h * (nu - 2)))
            )
        h = omega + alpha * e * e + beta * h
    return total


def fit(eps, dist):
    var = float(np.mean(eps**2))
    best = None
    for p in (0.9, 0.97, 0.995):
        for a in (0.03, 0.08, 0.15):
            # omega is optimised as omega / var so all parameters are O(1) (SLSQP is scale-sensitive).
            x0 = [1 - p, a, p - a] + ([8.0] if dist == "t" else [])
            bounds = [(1e-8, 10.0), (0.0, 1.0), (0.0, 1.0)] + ([(2.05, 500.0)] if dist == "t" else [])
            res = optimize.minimize(
                lambda x: -loglik([x[0] * var, *x[1:]], eps, dist) / len(eps),
                x0,
                method="SLSQP",
                bounds=bounds,
                constraints=[{"type": "ineq", "fun": lambda x: 1 - 1e-6 - x[1] - x[2]}],
                options={"ftol": 1e-14, "maxiter": 1000},
            )
            if best is None or res.fun < best.fun:
                best = res
    x = [float(v) for v in best.x]
    x[0] *= var
    return x, -float(best.fun) * len(eps)


def ols(X, y):
    beta, *_ = np.linalg.lstsq(X, y, rcond=None)
    resid = y - X @ beta
    return beta, resid


def main():
    rng = np.random.Generator(np.random.PCG64(20240601))
    r_norm = simulate_garch(rng, 1500, 4e-6, 0.09, 0.88, mu=3e-4)
    r_t = simulate_garch(rng, 1500, 4e-6, 0.09, 0.88, nu=6.0)

    out = {"garch": {}}
    eps_n = r_norm - r_norm.mean()
    eps_t = r_t - r_t.mean()
    probe = {"omega": 5e-6, "alpha": 0.1, "beta": 0.85, "nu": 7.0}
    pn, lln = fit(eps_n, "normal")
    pt, llt = fit(eps_t, "t")
    out["garch"] = {
        "returnsNormal": r_norm.tolist(),
        "returnsT": r_t.tolist(),
        "probe": probe,
        "probeLogLikNormal": loglik([5e-6, 0.1, 0.85], eps_n, "normal"),
        "probeLogLikT": loglik([5e-6, 0.1, 0.85, 7.0], eps_t, "t"),
        "backcastNormal": backcast(eps_n),
        "fitNormal": {"omega": pn[0], "alpha": pn[1], "beta": pn[2], "logLikelihood": lln},
        "fitT": {"omega": pt[0], "alpha": pt[1], "beta": pt[2], "nu": pt[3], "logLikelihood": llt},
    }

    # AR(3) on an AR(2)-like series.
    x = np.zeros(400)
    for t in range(2, 400):
        x[t] = 0.1 + 0.5 * x[t - 1] - 0.2 * x[t - 2] + rng.standard_normal()
    p = 3
    X = np.column_stack([np.ones(400 - p)] + [x[p - j : 400 - j] for j in range(1, p + 1)])
    beta, resid = ols(X, x[p:])
    fc = list(x[-p:])
    for _ in range(5):
        fc.append(beta[0] + sum(beta[j] * fc[-j] for j in range(1, p + 1)))
    out["ar"] = {
        "x": x.tolist(),
        "p": p,
        "coefficients": beta.tolist(),
        "sigma2": float(resid @ resid / (len(resid) - p - 1)),
        "forecast5": fc[p:],
    }

    # HAR on a positive persistent series (exp of an AR(1)).
    lv = np.zeros(600)
    for t in range(1, 600):
        lv[t] = 0.97 * lv[t - 1] + 0.25 * rng.standard_normal()
    rv = 0.0004 * np.exp(lv)
    har = {"rv": rv.tolist()}
    for log in (False, True):
        rows, ys = [], []
        for t in range(29, 599):
            feats = [rv[t], rv[t - 6 : t + 1].mean(), rv[t - 29 : t + 1].mean()]
            rows.append([1.0] + ([math.log(f) for f in feats] if log else feats))
            ys.append(math.log(rv[t + 1]) if log else rv[t + 1])
        X, y = np.array(rows), np.array(ys)
        beta, resid = ols(X, y)
        r2 = 1 - resid @ resid / np.sum((y - y.mean()) ** 2)
        feats = [rv[-1], rv[-7:].mean(), rv[-30:].mean()]
        row = np.array([1.0] + ([math.log(f) for f in feats] if log else feats))
        one = float(row @ beta)
        har["log" if log else "level"] = {
            "coefficients": beta.tolist(),
            "r2": float(r2),
            "forecast1": math.exp(one) if log else one,
        }
    out["har"] = har

    out["tcdf"] = [
        {"t": t, "df": df, "cdf": float(stats.t.cdf(t, df))}
        for t, df in [(0.0, 5), (1.0, 1), (2.228, 10), (-1.5, 3.5), (3.0, 30), (-4.0, 2), (0.3, 200), (10.0, 4)]
    ]

    # DM / HLN on two loss series.
    e1 = rng.standard_normal(120)
    e2 = 0.8 * e1 + 0.7 * rng.standard_normal(120) + 0.15
    l1, l2 = e1**2, e2**2
    d = l1 - l2
    T = len(d)
    dm = {"loss1": l1.tolist(), "loss2": l2.tolist(), "cases": []}
    for h in (1, 3):
        for kernel in ("bartlett", "uniform"):
            dbar = d.mean()
            gamma = [np.sum((d[k:] - dbar) * (d[: T - k] - dbar)) / T for k in range(h)]
            lrv = gamma[0] + 2 * sum(
                (1 - k / h if kernel == "bartlett" else 1.0) * gamma[k] for k in range(1, h)
            )
            stat = dbar / math.sqrt(lrv / T)
            hln = stat * math.sqrt((T + 1 - 2 * h + h * (h - 1) / T) / T)
            pval = 2 * stats.t.sf(abs(hln), T - 1)
            dm["cases"].append({"h": h, "kernel": kernel, "statistic": hln, "pValue": float(pval)})
    out["dm"] = dm

    with open("reference.json", "w") as f:
        json.dump(out, f, indent=1)


main()
