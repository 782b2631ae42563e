"""scikit-learn side of the `kmeans-sizes` benchmark: KMeans(k=8, n_init=10, defaults) on uniform float64 data of
several sizes x 8 features, beside SmartPulse's KMeans (kmeans-sizes benchmark).

Run with Debian's python3-sklearn (1.2.1):  /usr/bin/python3 benchmarks/python/kmeans_sizes.py [runs] [sizes,comma-separated]
"""
import sys
import time

import numpy as np
from sklearn.cluster import KMeans

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
sizes = [int(v) for v in sys.argv[2].split(",")] if len(sys.argv) > 2 else [200, 2_000, 5_000, 10_000, 20_000, 100_000]
for n in sizes:
    X = np.random.default_rng(0).random((n, 8))
    times, inertias = [], []
    for r in range(runs + 1):
        t0 = time.perf_counter()
        km = KMeans(n_clusters=8, n_init=10, random_state=r).fit(X)
        if r > 0:
            times.append(time.perf_counter() - t0)
            inertias.append(km.inertia_)
    print(f"sklearn n={n:>7}: median {np.median(times) * 1000:8.1f} ms; inertia median {np.median(inertias):.4f}")
