using SmartPulse.Analysis.Data;

namespace SmartPulse.Analysis.Samples;

/// <summary>
/// The four datasets shipped in <c>data/</c>, each with its declared schema, so
/// <c>Datasets.Mall.Load()</c> gives a typed frame from any working directory inside the repository.
/// </summary>
public static class Datasets
{
    private const string Dollars = "$";

    // Columns shared by the two campaign files (same names, meaning and units).
    private static readonly ColumnSpec[] _household =
    [
        new("Kidhome", ColumnKind.Integer, DisplayName: "Kids at home", Unit: "children", Description: "Number of small children in the household"),
        new("Teenhome", ColumnKind.Integer, DisplayName: "Teens at home", Unit: "teenagers", Description: "Number of teenagers in the household"),
    ];

    private static readonly ColumnSpec[] _behaviour =
    [
        new("Recency", ColumnKind.Integer, Unit: "days", Description: "Days since the last purchase"),
        new("MntWines", ColumnKind.Integer, DisplayName: "Wine spend", Unit: Dollars, Description: "Amount spent on wine in the last 2 years"),
        new("MntFruits", ColumnKind.Integer, DisplayName: "Fruit spend", Unit: Dollars, Description: "Amount spent on fruits in the last 2 years"),
        new("MntMeatProducts", ColumnKind.Integer, DisplayName: "Meat spend", Unit: Dollars, Description: "Amount spent on meat in the last 2 years"),
        new("MntFishProducts", ColumnKind.Integer, DisplayName: "Fish spend", Unit: Dollars, Description: "Amount spent on fish in the last 2 years"),
        new("MntSweetProducts", ColumnKind.Integer, DisplayName: "Sweets spend", Unit: Dollars, Description: "Amount spent on sweets in the last 2 years"),
        new("MntGoldProds", ColumnKind.Integer, DisplayName: "Gold spend", Unit: Dollars, Description: "Amount spent on gold in the last 2 years"),
        new("NumDealsPurchases", ColumnKind.Integer, DisplayName: "Deal purchases", Unit: "purchases", Description: "Purchases made with a discount"),
        new("NumWebPurchases", ColumnKind.Integer, DisplayName: "Web purchases", Unit: "purchases", Description: "Purchases made through the website"),
        new("NumCatalogPurchases", ColumnKind.Integer, DisplayName: "Catalog purchases", Unit: "purchases", Description: "Purchases made using a catalogue"),
        new("NumStorePurchases", ColumnKind.Integer, DisplayName: "Store purchases", Unit: "purchases", Description: "Purchases made directly in stores"),
        new("NumWebVisitsMonth", ColumnKind.Integer, DisplayName: "Web visits / month", Unit: "visits", Description: "Visits to the website in the last month"),
        new("AcceptedCmp3", ColumnKind.Integer, Unit: "0/1", Description: "1 if the customer accepted the offer in the 3rd campaign"),
        new("AcceptedCmp4", ColumnKind.Integer, Unit: "0/1", Description: "1 if the customer accepted the offer in the 4th campaign"),
        new("AcceptedCmp5", ColumnKind.Integer, Unit: "0/1", Description: "1 if the customer accepted the offer in the 5th campaign"),
        new("AcceptedCmp1", ColumnKind.Integer, Unit: "0/1", Description: "1 if the customer accepted the offer in the 1st campaign"),
        new("AcceptedCmp2", ColumnKind.Integer, Unit: "0/1", Description: "1 if the customer accepted the offer in the 2nd campaign"),
        new("Complain", ColumnKind.Integer, Unit: "0/1", Description: "1 if the customer complained in the last 2 years"),
        new("Z_CostContact", ColumnKind.Integer, Description: "Constant 3 (cost of contact); carries no information"),
        new("Z_Revenue", ColumnKind.Integer, Description: "Constant 11 (revenue on acceptance); carries no information"),
        new("Response", ColumnKind.Integer, Unit: "0/1", Description: "1 if the customer accepted the offer in the last campaign"),
    ];

    /// <summary>Kaggle "Mall Customer Segmentation Data" (vjchoudhary7): 200 × 5.</summary>
    public static DatasetDescriptor Mall { get; } = new(
        "Mall_Customers.csv",
        "Mall customers",
        "Kaggle: Mall Customer Segmentation Data (vjchoudhary7)",
        ',',
        "CustomerID",
        [
            new("CustomerID", ColumnKind.Text, DisplayName: "Customer ID", Description: "Customer id, zero-padded (0001..0200); kept as text"),
            new("Genre", ColumnKind.Text, DisplayName: "Gender", Description: "Gender (Male/Female); the header says 'Genre'"),
            new("Age", ColumnKind.Integer, Unit: "years", Description: "Age of the customer"),
            new("Annual Income (k$)", ColumnKind.Integer, DisplayName: "Annual income", Unit: "k$", Description: "Annual income in thousands of dollars"),
            new("Spending Score (1-100)", ColumnKind.Integer, DisplayName: "Spending score", Unit: "1-100", Description: "Score assigned by the mall from spending behaviour"),
        ],
        ["Header says 'Genre' for gender", "Ids are zero-padded ('0001')", "CRLF line ends, no final newline"]);

    /// <summary>Kaggle "Shop Customer Data" (datascientistanna): 2000 × 8.</summary>
    public static DatasetDescriptor Shop { get; } = new(
        "Customers.csv",
        "Shop customers",
        "Kaggle: Shop Customer Data (datascientistanna)",
        ',',
        "CustomerID",
        [
            new("CustomerID", ColumnKind.Integer, DisplayName: "Customer ID", Description: "Customer id (1..2000)"),
            new("Gender", ColumnKind.Text, Description: "Gender (Male/Female)"),
            new("Age", ColumnKind.Integer, Unit: "years", Description: "Age of the customer; 0 occurs (impossible, to be cleaned)"),
            new("Annual Income ($)", ColumnKind.Integer, DisplayName: "Annual income", Unit: Dollars, Description: "Annual income in dollars; 0 occurs"),
            new("Spending Score (1-100)", ColumnKind.Integer, DisplayName: "Spending score", Unit: "1-100", Description: "Score assigned by the shop from spending behaviour"),
            new("Profession", ColumnKind.Text, Description: "Profession; empty in 35 rows"),
            new("Work Experience", ColumnKind.Integer, Unit: "years", Description: "Years of work experience"),
            new("Family Size", ColumnKind.Integer, Unit: "persons", Description: "Number of family members"),
        ],
        ["Profession is empty in 35 rows", "Age 0 and Annual Income 0 occur (Family_Income_Ratio must handle income 0)"]);

    /// <summary>Kaggle "Customer Personality Analysis" (imakash3011): 2240 × 29, tab-separated.</summary>
    public static DatasetDescriptor MarketingCampaign { get; } = new(
        "marketing_campaign.csv",
        "Customer personality analysis (marketing campaign)",
        "Kaggle: Customer Personality Analysis (imakash3011)",
        '\t',
        "ID",
        [
            new("ID", ColumnKind.Integer, Description: "Customer id"),
            new("Year_Birth", ColumnKind.Integer, DisplayName: "Year of birth", Unit: "year", Description: "Year of birth; 1893, 1899 and 1900 occur"),
            new("Education", ColumnKind.Text, Description: "Education level: Basic, 2n Cycle, Graduation, Master, PhD"),
            new("Marital_Status", ColumnKind.Text, DisplayName: "Marital status", Description: "Single, Together, Married, Divorced, Widow, Alone, Absurd, YOLO"),
            new("Income", ColumnKind.Double, Unit: Dollars, Description: "Yearly household income; missing in 24 rows, one 666666"),
            .. _household,
            new("Dt_Customer", ColumnKind.Date, "dd-MM-yyyy", DisplayName: "Customer since", Description: "Date of enrolment with the company (dd-mm-yyyy)"),
            .. _behaviour,
        ],
        ["TAB-separated", "Dt_Customer is dd-mm-yyyy", "Income missing in 24 rows and 666666 once", "Year_Birth 1893, 1899, 1900 occur", "Marital_Status has 'Absurd' and 'YOLO'", "CRLF line ends"]);

    /// <summary>The cleaned iFood data-analyst case file: 2205 × 39.</summary>
    public static DatasetDescriptor IFood { get; } = new(
        "ifood_df.csv",
        "iFood customer intelligence",
        "iFood data-analyst case (cleaned ifood_df.csv)",
        ',',
        null,
        [
            new("Income", ColumnKind.Double, Unit: Dollars, Description: "Yearly household income"),
            .. _household,
            .. _behaviour,
            new("Age", ColumnKind.Integer, Unit: "years", Description: "Age = 2020 − Year_Birth"),
            new("Customer_Days", ColumnKind.Integer, DisplayName: "Customer days", Unit: "days", Description: "Days since enrolment with the company"),
            new("marital_Divorced", ColumnKind.Integer, Unit: "0/1", Description: "One-hot: marital status Divorced"),
            new("marital_Married", ColumnKind.Integer, Unit: "0/1", Description: "One-hot: marital status Married"),
            new("marital_Single", ColumnKind.Integer, Unit: "0/1", Description: "One-hot: marital status Single"),
            new("marital_Together", ColumnKind.Integer, Unit: "0/1", Description: "One-hot: marital status Together"),
            new("marital_Widow", ColumnKind.Integer, Unit: "0/1", Description: "One-hot: marital status Widow"),
            new("education_2n Cycle", ColumnKind.Integer, Unit: "0/1", Description: "One-hot: education 2n Cycle"),
            new("education_Basic", ColumnKind.Integer, Unit: "0/1", Description: "One-hot: education Basic"),
            new("education_Graduation", ColumnKind.Integer, Unit: "0/1", Description: "One-hot: education Graduation"),
            new("education_Master", ColumnKind.Integer, Unit: "0/1", Description: "One-hot: education Master"),
            new("education_PhD", ColumnKind.Integer, Unit: "0/1", Description: "One-hot: education PhD"),
            new("MntTotal", ColumnKind.Integer, DisplayName: "Total spend (excl. gold)", Unit: Dollars, Description: "Sum of the five product Mnt columns; excludes MntGoldProds"),
            new("MntRegularProds", ColumnKind.Integer, DisplayName: "Regular products spend", Unit: Dollars, Description: "MntTotal − MntGoldProds; can be negative"),
            new("AcceptedCmpOverall", ColumnKind.Integer, DisplayName: "Campaigns accepted", Unit: "campaigns", Description: "AcceptedCmp1 + … + AcceptedCmp5"),
        ],
        ["No id column", "MntTotal excludes gold", "MntRegularProds can be negative", "Age = 2020 − Year_Birth", "Marital and education are already one-hot encoded"]);

    /// <summary>All four datasets.</summary>
    public static IReadOnlyList<DatasetDescriptor> All { get; } = [Mall, Shop, MarketingCampaign, IFood];
}
