using System.Text;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Samples;
using SmartPulse.Text;

namespace SmartPulse.Server.App.Pages;

/// <summary>The start page: pick a bundled dataset or upload a file.</summary>
internal static class HomePage
{
    /// <summary>The page.</summary>
    public static string Render(string csrf, long maxUploadBytes, string? error = null)
    {
        var sb = new StringBuilder();
        sb.Append("<h1>Segment your customers</h1>");
        if (error is not null)
        {
            sb.Append(Layout.Error(error));
        }

        sb.Append("<section class=\"card\"><h2>Upload a customer file</h2>")
          .Append("<form id=\"upload-form\" method=\"post\" action=\"/app/upload\" enctype=\"multipart/form-data\">")
          .Append(Layout.CsrfField(csrf))
          .Append("<input id=\"file\" type=\"file\" name=\"file\" accept=\".csv,.tsv,.txt,.gz,.parquet,text/csv,text/tab-separated-values\" required> ")
          .Append("<button type=\"submit\">Upload</button>")
          .Append("<p class=\"hint\">CSV or TSV with a header row (optionally gzip-compressed), or Parquet, up to ").Append(maxUploadBytes / (1024 * 1024))
          .Append(" MB. The file is read and then deleted from the server; only the table stays in memory for this session.</p></form></section>");

        sb.Append("<section class=\"card\"><h2>Or use a bundled dataset</h2><form method=\"post\" action=\"/app/bundled\">")
          .Append(Layout.CsrfField(csrf)).Append("<select name=\"dataset\" id=\"dataset\">");
        foreach (var d in Datasets.All)
        {
            sb.Append("<option value=\"").Append(HtmlText.Encode(d.FileName)).Append("\">").Append(HtmlText.Encode($"{d.Title} ({d.FileName})")).Append("</option>");
        }

        sb.Append("</select> <button type=\"submit\">Open</button></form></section>");
        return Layout.Page("Start", sb.ToString());
    }
}
