"""pandas side of the 'scale' benchmark: read_csv + describe() of every column (what `smartpulse profile` prints)."""
import sys
import time

import pandas as pd

t0 = time.perf_counter()
df = pd.read_csv(sys.argv[1])
d = df.describe(include="all")
print(f"rows {len(df)} cols {df.shape[1]} mean0 {d.iloc[:, 0]['mean']!r} seconds {time.perf_counter() - t0:.3f}")
