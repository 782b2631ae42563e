using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Exploration;

namespace SmartPulse.Analysis.Preparation;

/// <summary>
/// The scaling step of a <see cref="PreparationPipeline"/> — scikit-learn's StandardScaler, MinMaxScaler and
/// RobustScaler in one type: <c>Scaler.Standard()</c>, <c>Scaler.MinMax()</c>, <c>Scaler.Robust()</c>, or
/// <c>new Scaler(kind, columns)</c>. Which <see cref="ScalingKind"/> and which columns (default: every numeric column
/// at fit). A column with zero spread at fit scales by 1 and adds a warning. Missing values stay missing.
/// </summary>
/// <param name="Kind">Standard, min-max or robust.</param>
/// <param name="Columns">The columns; null means all numeric columns at fit.</param>
public sealed record Scaler(ScalingKind Kind, IReadOnlyList<string>? Columns = null) : IPreparationStep
{
    /// <summary>StandardScaler: (x − mean) / std with ddof = 0.</summary>
    public static Scaler Standard(params string[] columns) => new(ScalingKind.Standard, columns.Length == 0 ? null : columns);

    /// <summary>MinMaxScaler: (x − min) / (max − min).</summary>
    public static Scaler MinMax(params string[] columns) => new(ScalingKind.MinMax, columns.Length == 0 ? null : columns);

    /// <summary>RobustScaler: (x − median) / IQR.</summary>
    public static Scaler Robust(params string[] columns) => new(ScalingKind.Robust, columns.Length == 0 ? null : columns);

    /// <inheritdoc />
    public FittedStep Fit(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var columns = Columns ?? frame.Columns.Where(FrameColumns.IsNumeric).Select(c => c.Name).ToList();
        var scales = new List<ColumnScale>();
        var warnings = new List<string>();
        foreach (var name in columns)
        {
            var present = FrameOps.Numeric(frame, name, FittedScaler.StepName).Where(v => v.HasValue).Select(v => v!.Value).ToArray();
            if (present.Length == 0)
            {
                throw new ArgumentException($"Column '{name}' has no present values to learn a scale from. Impute or drop it first.", nameof(frame));
            }

            Array.Sort(present);
            var (center, scale) = Kind switch
            {
                ScalingKind.Standard => (Stats.Mean(present), Stats.StandardDeviation(present, ddof: 0)),
                ScalingKind.MinMax => (present[0], present[^1] - present[0]),
                _ => (Stats.QuantileSorted(present, 0.5), Stats.QuantileSorted(present, 0.75) - Stats.QuantileSorted(present, 0.25)),
            };
            if (!(scale > 0))
            {
                warnings.Add($"{name} has zero {(Kind == ScalingKind.Standard ? "variance" : Kind == ScalingKind.MinMax ? "range" : "IQR")} in the training data; it is scaled by 1 (only centred).");
                scale = 1;
            }

            scales.Add(new ColumnScale(name, center, scale));
        }

        return new FittedScaler(Kind, scales, warnings);
    }
}
