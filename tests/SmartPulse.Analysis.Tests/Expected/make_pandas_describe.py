# Regenerates pandas_describe.json, the expected values of Eda.Describe / Correlation on the four
# datasets. Run with Debian's pandas (python3-pandas 1.5.3):
#   apt-get install -y python3-pandas && /usr/bin/python3 make_pandas_describe.py
# The tests never run Python; they read the JSON this script wrote.
import json, pathlib
import pandas as pd
data = pathlib.Path(__file__).resolve().parents[3] / "data"
files = {"Mall_Customers.csv": ",", "Customers.csv": ",", "marketing_campaign.csv": "\t", "ifood_df.csv": ","}
out = {}
for name, sep in files.items():
    df = pd.read_csv(data / name, sep=sep)
    num = df.describe()
    cat = df.select_dtypes(exclude="number")
    entry = {"rows": len(df), "numeric": {}, "categorical": {}, "pearson": {}, "spearman": {}}
    for col in num.columns:
        entry["numeric"][col] = {k: float(num.loc[k, col]) for k in ["count", "mean", "std", "min", "25%", "50%", "75%", "max"]}
    if len(cat.columns):
        d = cat.describe()
        for col in d.columns:
            entry["categorical"][col] = {"count": int(d.loc["count", col]), "unique": int(d.loc["unique", col]), "top": str(d.loc["top", col]), "freq": int(d.loc["freq", col])}
    numeric = df.select_dtypes(include="number")
    for method in ["pearson", "spearman"]:
        c = numeric.corr(method=method)
        entry[method] = {a: {b: (None if pd.isna(c.loc[a, b]) else float(c.loc[a, b])) for b in c.columns} for a in c.columns}
    out[name] = entry
(pathlib.Path(__file__).parent / "pandas_describe.json").write_text(json.dumps(out, indent=1, sort_keys=True) + "\n")
