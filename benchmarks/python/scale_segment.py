"""pandas + scikit-learn side of the 'scale' benchmark: read_csv, StandardScaler, KMeans(k, n_init=1), as `smartpulse segment --k K --restarts 1`.
Usage: scale_segment.py FILE K [minibatch BATCH]"""
import sys
import time

import pandas as pd
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.preprocessing import StandardScaler

t0 = time.perf_counter()
df = pd.read_csv(sys.argv[1])
k = int(sys.argv[2])
X = StandardScaler().fit_transform(df.select_dtypes("number").to_numpy())
if len(sys.argv) > 3 and sys.argv[3] == "minibatch":
    model = MiniBatchKMeans(n_clusters=k, batch_size=int(sys.argv[4]), n_init=1, random_state=0).fit(X)
    inertia = ((X - model.cluster_centers_[model.predict(X)]) ** 2).sum()
else:
    model = KMeans(n_clusters=k, n_init=1, random_state=0, algorithm="lloyd").fit(X)
    inertia = model.inertia_
print(f"inertia {inertia!r} iterations {model.n_iter_} seconds {time.perf_counter() - t0:.3f}")
