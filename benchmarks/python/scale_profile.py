"""pandas side of the 'scale' benchmark: read_csv + describe() + missing counts of every column (what `smartpulse profile` prints).

Prints one JSON object: rows, seconds and per column count/mean/std/min/25%/50%/75%/max and missing,
so the benchmark can check that SmartPulse printed the same numbers."""
import json
import sys
import time

import pandas as pd

t0 = time.perf_counter()
df = pd.read_csv(sys.argv[1])
d = df.describe(include="all")
missing = df.isna().sum()
seconds = time.perf_counter() - t0
columns = {}
for c in df.columns:
    s = d[c]
    columns[c] = {k: (None if pd.isna(s.get(k)) else float(s[k])) for k in ["count", "mean", "std", "min", "25%", "50%", "75%", "max"] if k in s}
    columns[c]["missing"] = int(missing[c])
print(json.dumps({"rows": len(df), "seconds": round(seconds, 3), "columns": columns}))
