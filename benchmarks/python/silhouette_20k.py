"""scikit-learn side of the `silhouette` benchmark: exact silhouette, 20,000 x 8 uniform float32, 8 clusters.

Run with Debian's python3-sklearn (1.2.1):  /usr/bin/python3 benchmarks/python/silhouette_20k.py [runs]
"""
import sys
import time

import numpy as np
from sklearn.metrics import silhouette_score

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
rng = np.random.default_rng(0)
X = rng.random((20_000, 8), dtype=np.float32)
labels = rng.integers(0, 8, size=20_000)

silhouette_score(X[:2000], labels[:2000])  # warm-up
times = []
for _ in range(runs):
    t0 = time.perf_counter()
    s = silhouette_score(X, labels)
    times.append(time.perf_counter() - t0)
print(f"sklearn silhouette 20000x8 k=8: median {np.median(times):.3f} s over {runs} runs (all: {', '.join(f'{t:.3f}' for t in times)}); value {s:.9f}")
