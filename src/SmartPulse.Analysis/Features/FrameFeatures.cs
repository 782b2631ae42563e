using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Preparation;

namespace SmartPulse.Analysis.Features;

/// <summary>
/// The one-line way from a <see cref="DataFrame"/> to a <see cref="FeatureMatrix"/>:
/// <c>var x = df.ToFeatureMatrix("Annual Income (k$)", "Spending Score (1-100)");</c>
/// (scikit-learn: <c>X = df[cols].to_numpy()</c>). Use a <see cref="PreparationPipeline"/> when the columns need
/// imputing, encoding or scaling first.
/// </summary>
public static class FrameFeatures
{
    extension(DataFrame frame)
    {
        /// <summary>
        /// The named numeric columns as a matrix, one row per frame row, columns in the order given (the matrix's
        /// <see cref="FeatureMatrix.ColumnNames"/>, which fitted models check). No columns named = every numeric column.
        /// </summary>
        /// <param name="columns">The feature columns, in order.</param>
        /// <exception cref="ArgumentException">
        /// A column is missing or not numeric, or has a missing value (the message names the column and row and says how
        /// to fix it: impute or drop first).
        /// </exception>
        public FeatureMatrix ToFeatureMatrix(params string[] columns)
        {
            ArgumentNullException.ThrowIfNull(frame);
            ArgumentNullException.ThrowIfNull(columns);
            var names = columns.Length > 0 ? columns : frame.Columns.Where(FrameColumns.IsNumeric).Select(c => c.Name).ToArray();
            return FrameOps.ToMatrix(frame, names, nameof(ToFeatureMatrix));
        }
    }
}
