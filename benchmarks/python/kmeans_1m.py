"""scikit-learn side of the `kmeans-1m` benchmark: 1,000,000 x 8 uniform float32, k=8, one k-means++ start,
30 Lloyd iterations (tol=0 so all 30 run unless labels stop changing).

Run with Debian's python3-sklearn (1.2.1):  /usr/bin/python3 benchmarks/python/kmeans_1m.py [runs] [save-path]
With save-path, the data are also written there as raw row-major float32, so the C# side can run on the very same
rows (dotnet run -c Release --project benchmarks/SmartPulse.Benchmarks -- kmeans-1m 5 kmeans save-path).
"""
import sys
import time

import numpy as np
from sklearn.cluster import KMeans

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
rng = np.random.default_rng(0)
X = rng.random((1_000_000, 8), dtype=np.float32)
if len(sys.argv) > 2:
    X.tofile(sys.argv[2])

times, inertias, iters = [], [], []
for r in range(runs + 1):
    t0 = time.perf_counter()
    km = KMeans(n_clusters=8, init="k-means++", n_init=1, max_iter=30, tol=0.0, algorithm="lloyd", random_state=r).fit(X)
    dt = time.perf_counter() - t0
    if r > 0:  # first run is a warm-up
        times.append(dt)
        inertias.append(km.inertia_)
        iters.append(km.n_iter_)
print(f"sklearn kmeans 1000000x8 k=8 n_init=1 max_iter=30: median {np.median(times):.3f} s over {runs} runs "
      f"(all: {', '.join(f'{t:.3f}' for t in times)}); inertia median {np.median(inertias):.1f} "
      f"(min {min(inertias):.1f}, max {max(inertias):.1f}); iterations {iters}")
