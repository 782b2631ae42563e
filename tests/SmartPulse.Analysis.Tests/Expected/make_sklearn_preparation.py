# Regenerates sklearn_preparation.json: expected values for the marketing-campaign preparation
# pipeline and PCA tests (PreparationRealDataTests). Run with Debian's scikit-learn 1.2.1 / pandas 1.5.3:
#   apt-get install -y python3-sklearn python3-pandas && /usr/bin/python3 make_sklearn_preparation.py
# The tests never run Python; they read the JSON this script wrote.
import json, pathlib
import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler

data = pathlib.Path(__file__).resolve().parents[3] / "data"
df = pd.read_csv(data / "marketing_campaign.csv", sep="\t")
income_median = df["Income"].median()
df["Income"] = df["Income"].fillna(income_median)
df["Dt_Customer"] = pd.to_datetime(df["Dt_Customer"], format="%d-%m-%Y")
df["Age"] = 2014 - df["Year_Birth"]
df["Customer_Tenure_Days"] = (df["Dt_Customer"].max() - df["Dt_Customer"]).dt.days
df["Total_Spending"] = df[["MntWines", "MntFruits", "MntMeatProducts", "MntFishProducts", "MntSweetProducts", "MntGoldProds"]].sum(axis=1)
df["Total_Children"] = df["Kidhome"] + df["Teenhome"]
df["Total_Purchases"] = df[["NumWebPurchases", "NumCatalogPurchases", "NumStorePurchases"]].sum(axis=1)
df["Total_Accepted_Campaigns"] = df[["AcceptedCmp1", "AcceptedCmp2", "AcceptedCmp3", "AcceptedCmp4", "AcceptedCmp5"]].sum(axis=1)
edu = {"Basic": 0, "2n Cycle": 0, "Graduation": 1, "Master": 2, "PhD": 2}  # Undergraduate < Graduate < Postgraduate
df["Education_Level"] = df["Education"].map(edu)
df["Living_With_Partner"] = df["Marital_Status"].isin(["Married", "Together"]).astype(int)
df = df[(df["Age"] < 90) & (df["Income"] < 600000)]
features = ["Income", "Recency", "Age", "Customer_Tenure_Days", "Total_Spending", "Total_Children", "Total_Purchases",
            "Total_Accepted_Campaigns", "NumDealsPurchases", "NumWebVisitsMonth", "Education_Level", "Living_With_Partner"]
X = df[features].astype(float).to_numpy()
scaler = StandardScaler().fit(X)
Z = scaler.transform(X)
pca = PCA(n_components=3, svd_solver="full").fit(Z)
P = pca.transform(Z)
out = {
    "rows": int(len(df)),
    "income_median": float(income_median),
    "features": features,
    "scaler_mean": scaler.mean_.tolist(),
    "scaler_scale": scaler.scale_.tolist(),
    "explained_variance": pca.explained_variance_.tolist(),
    "explained_variance_ratio": pca.explained_variance_ratio_.tolist(),
    "components": pca.components_.tolist(),
    "projected_first_rows": P[:5].tolist(),
    "first_ids": df["ID"].head(5).tolist(),
}
(pathlib.Path(__file__).parent / "sklearn_preparation.json").write_text(json.dumps(out, indent=1) + "\n")
print(out["rows"], out["explained_variance_ratio"])
