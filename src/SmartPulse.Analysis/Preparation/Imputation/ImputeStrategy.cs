namespace SmartPulse.Analysis.Preparation;

/// <summary>How a column's missing values are filled (learned at fit, reused on new data).</summary>
public enum ImputeStrategy
{
    /// <summary>Mean of the present training values (numeric columns).</summary>
    Mean,

    /// <summary>Median of the present training values, linear interpolation (numeric columns).</summary>
    Median,

    /// <summary>Most frequent training value; ties go to the smallest value (numbers numerically, text ordinally), as scikit-learn's SimpleImputer.</summary>
    MostFrequent,

    /// <summary>A declared constant, e.g. "Unknown" for a missing Profession.</summary>
    Constant,
}
