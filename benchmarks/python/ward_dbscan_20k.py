"""scikit-learn side of the `ward-dbscan` benchmark: Ward tree cut at 8 and DBSCAN(eps=0.4, min_samples=16)
on 20,000 x 8 uniform float32.

Run with Debian's python3-sklearn (1.2.1):  /usr/bin/python3 benchmarks/python/ward_dbscan_20k.py [runs]
"""
import sys
import time

import numpy as np
from sklearn.cluster import DBSCAN, AgglomerativeClustering

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
X = np.random.default_rng(0).random((20_000, 8), dtype=np.float32)


def median_time(fn):
    fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return np.median(times), result


t, ward = median_time(lambda: AgglomerativeClustering(n_clusters=8, linkage="ward").fit(X))
print(f"sklearn ward   20000x8: median {t:.3f} s over {runs} runs; sizes {sorted(np.bincount(ward.labels_), reverse=True)}")
t, db = median_time(lambda: DBSCAN(eps=0.4, min_samples=16).fit(X))
print(f"sklearn dbscan 20000x8: median {t:.3f} s over {runs} runs; clusters {db.labels_.max() + 1}, noise {(db.labels_ == -1).sum()}")
