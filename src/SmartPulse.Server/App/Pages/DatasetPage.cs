using System.Globalization;
using System.Text;
using SmartPulse.Analysis.Data;
using SmartPulse.Text;

namespace SmartPulse.Server.App.Pages;

/// <summary>The dataset page: every column with type, missing count and a mini histogram; the method form (features, scaling, algorithm, k).</summary>
internal static class DatasetPage
{
    private static readonly CultureInfo _c = CultureInfo.InvariantCulture;

    /// <summary>The page.</summary>
    public static string Render(StoredDataset dataset, string csrf, string? error = null)
    {
        var loaded = dataset.Loaded;
        var frame = loaded.Frame;
        var id = HtmlText.Encode(dataset.Id);
        var sb = new StringBuilder();
        sb.Append("<h1>").Append(HtmlText.Encode(dataset.DisplayName)).Append("</h1>")
          .Append("<p class=\"lead\">").Append(frame.Rows.Count.ToString("N0", _c)).Append(" rows × ").Append(frame.Columns.Count).Append(" columns · ")
          .Append(loaded.MissingCells.ToString("N0", _c)).Append(" missing cells</p>");
        if (error is not null)
        {
            sb.Append(Layout.Error(error));
        }

        sb.Append("<form id=\"segment-form\" method=\"post\" action=\"/app/datasets/").Append(id).Append("/segment\">").Append(Layout.CsrfField(csrf));
        sb.Append("<section class=\"card\"><h2>1. Features</h2><p class=\"hint\">Tick the numeric columns to segment on.</p>")
          .Append("<table class=\"features\"><thead><tr><th>use</th><th>column</th><th>type</th><th>missing</th><th>distribution</th></tr></thead><tbody>");
        for (var j = 0; j < loaded.Columns.Count; j++)
        {
            var column = loaded.Columns[j];
            var numeric = column.Kind is ColumnKind.Integer or ColumnKind.Double;
            var name = HtmlText.Encode(column.Name);
            var inputId = "f" + j.ToString(_c);
            sb.Append("<tr><td>");
            if (numeric && !string.Equals(column.Name, dataset.Dataset?.IdColumn, StringComparison.Ordinal))
            {
                sb.Append("<input type=\"checkbox\" name=\"features\" id=\"").Append(inputId).Append("\" value=\"").Append(name).Append("\" data-column=\"").Append(name).Append("\">");
            }

            sb.Append("</td><td><label for=\"").Append(inputId).Append("\">").Append(name).Append("</label></td><td>").Append(column.Kind.ToString().ToLowerInvariant())
              .Append("</td><td class=\"num\">").Append(column.MissingCount.ToString("N0", _c)).Append("</td><td>");
            if (numeric)
            {
                sb.Append(MiniHistogram.Svg(column.Name, FrameColumns.PresentNumeric(frame.Columns[j])));
            }

            sb.Append("</td></tr>");
        }

        sb.Append("</tbody></table></section>");
        sb.Append("<section class=\"card\"><h2>2. Method</h2><div class=\"grid\">")
          .Append("<label>Scaling <select name=\"scale\" id=\"scale\"><option value=\"standard\">standard (z-score)</option><option value=\"minmax\">min–max</option><option value=\"robust\">robust (median, IQR)</option><option value=\"none\">none (original units)</option></select></label>")
          .Append("<label>Algorithm <select name=\"algorithm\" id=\"algorithm\"><option value=\"kmeans\">KMeans</option><option value=\"autoencoder\">autoencoder + KMeans</option><option value=\"ward\">Ward (hierarchical)</option><option value=\"dbscan\">DBSCAN</option></select></label>")
          .Append("<label>Segments (k) <input type=\"range\" name=\"k\" id=\"k\" min=\"2\" max=\"10\" value=\"4\"> <output id=\"k-value\" for=\"k\">4</output></label>")
          .Append("<label><input type=\"checkbox\" name=\"auto\" id=\"auto\" value=\"1\"> choose k automatically (k sweep)</label>")
          .Append("<label>Seed <input type=\"number\" name=\"seed\" id=\"seed\" value=\"0\" min=\"0\" max=\"2147483647\"></label>")
          .Append("<label>KMeans restarts <input type=\"number\" name=\"restarts\" value=\"10\" min=\"1\" max=\"100\"></label>")
          .Append("<label>DBSCAN eps <input type=\"number\" name=\"eps\" value=\"0.5\" min=\"0\" step=\"any\"></label>")
          .Append("<label>DBSCAN min points <input type=\"number\" name=\"minPoints\" value=\"5\" min=\"1\" max=\"1000\"></label>")
          .Append("</div></section><p><button type=\"submit\" id=\"run\">Segment</button></p></form>");
        return Layout.Page(dataset.DisplayName, sb.ToString());
    }
}
