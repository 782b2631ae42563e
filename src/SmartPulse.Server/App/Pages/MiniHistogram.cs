using System.Globalization;
using System.Text;
using SmartPulse.Analysis.Exploration;

namespace SmartPulse.Server.App.Pages;

/// <summary>A small inline SVG histogram of a numeric column (20 equal-width bins over the present values).</summary>
internal static class MiniHistogram
{
    private const int Width = 120;
    private const int Height = 28;

    /// <summary>The SVG, or an empty string when there are no values.</summary>
    public static string Svg(string column, double[] values)
    {
        if (values.Length == 0)
        {
            return string.Empty;
        }

        var histogram = Eda.HistogramOf(column, values, bins: values.Min() == values.Max() ? 1 : 20);
        var max = Math.Max(1, histogram.Counts.Max());
        var bar = (double)Width / histogram.Counts.Count;
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("<svg class=\"hist\" width=\"").Append(Width).Append("\" height=\"").Append(Height).Append("\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(Height).Append("\" role=\"img\" aria-label=\"histogram\">");
        for (var i = 0; i < histogram.Counts.Count; i++)
        {
            var h = Height * histogram.Counts[i] / (double)max;
            sb.Append("<rect x=\"").Append((i * bar).ToString("0.##", c)).Append("\" y=\"").Append((Height - h).ToString("0.##", c))
              .Append("\" width=\"").Append(Math.Max(1, bar - 1).ToString("0.##", c)).Append("\" height=\"").Append(h.ToString("0.##", c)).Append("\"></rect>");
        }

        return sb.Append("</svg>").ToString();
    }
}
