using System.Globalization;
using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Data;

/// <summary>
/// Typed access to DataFrame columns for the analysis stages: numeric values as nullable doubles,
/// text as nullable strings, and lookups whose errors list the available columns.
/// </summary>
public static class FrameColumns
{
    /// <summary>The column named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such column; the message lists the columns.</exception>
    public static DataFrameColumn Get(DataFrame frame, string name)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var index = frame.Columns.IndexOf(name);
        if (index < 0)
        {
            throw new ArgumentException(
                $"Column '{name}' not found. Available columns: {string.Join(", ", frame.Columns.Select(c => c.Name))}.",
                nameof(name));
        }

        return frame.Columns[index];
    }

    /// <summary><c>true</c> if the column holds numbers (any integer or floating type).</summary>
    public static bool IsNumeric(DataFrameColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var t = column.DataType;
        return t == typeof(double) || t == typeof(float) || t == typeof(long) || t == typeof(int)
            || t == typeof(short) || t == typeof(byte) || t == typeof(sbyte) || t == typeof(ushort)
            || t == typeof(uint) || t == typeof(ulong) || t == typeof(decimal);
    }

    /// <summary>The column's values as doubles; nulls stay null (and a NaN in a float column counts as missing).</summary>
    /// <exception cref="ArgumentException">The column is not numeric.</exception>
    public static double?[] Numeric(DataFrameColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (!IsNumeric(column))
        {
            throw new ArgumentException(
                $"Column '{column.Name}' holds {column.DataType.Name} values, not numbers. Encode it first or choose a numeric column.",
                nameof(column));
        }

        var result = new double?[column.Length];
        for (long i = 0; i < column.Length; i++)
        {
            var value = column[i];
            if (value is not null)
            {
                var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                result[i] = double.IsNaN(d) ? null : d;
            }
        }

        return result;
    }

    /// <summary>The present numeric values of the column, in row order (nulls dropped).</summary>
    public static double[] PresentNumeric(DataFrameColumn column) =>
        Numeric(column).Where(v => v.HasValue).Select(v => v!.Value).ToArray();

    /// <summary>The column's values as invariant text; nulls stay null. Dates format as <c>yyyy-MM-dd</c>.</summary>
    public static string?[] Text(DataFrameColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var result = new string?[column.Length];
        for (long i = 0; i < column.Length; i++)
        {
            result[i] = column[i] switch
            {
                null => null,
                DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var o => o.ToString(),
            };
        }

        return result;
    }
}
