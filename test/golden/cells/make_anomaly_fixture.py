"""Reference values for test/cells/anomaly/golden.test.ts.

Run: cd test/golden/cells && python3 make_anomaly_fixture.py > anomaly.json
(numpy 1.x/2.x and scipy; no randomness beyond the fixed seed below.)
"""
import json

import numpy as np
from scipy.stats import mannwhitneyu, median_abs_deviation

rng = np.random.default_rng(20261121)
# Scores rounded to one decimal so that ties occur, labels with ~30% positives.
scores = np.round(rng.normal(size=60) + 0.8 * (labels := (rng.random(60) < 0.3)), 1)
u = mannwhitneyu(scores[labels], scores[~labels], alternative="two-sided").statistic
auc = u / (labels.sum() * (~labels).sum())

x = np.round(rng.standard_t(3, size=80), 3)
w = 15
zs, rzs = [], []
for t in range(len(x)):
    if t < w - 1:
        zs.append(None)
        rzs.append(None)
        continue
    win = x[t - w + 1 : t + 1]
    zs.append(float((x[t] - win.mean()) / win.std(ddof=1)))
    med = np.median(win)
    rzs.append(float((x[t] - med) / (1.4826 * median_abs_deviation(win, scale=1.0))))

print(
    json.dumps(
        {
            "scores": scores.tolist(),
            "labels": labels.astype(int).tolist(),
            "auc": float(auc),
            "x": x.tolist(),
            "window": w,
            "z": zs,
            "robustZ": rzs,
        },
        indent=1,
    )
)
