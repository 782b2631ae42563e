using System.Text;
using SmartPulse.Text;

namespace SmartPulse.Server.App.Pages;

/// <summary>The page shell: head with local styles and scripts only (no CDN), header and footer. Every text passed in is escaped by the caller or here.</summary>
internal static class Layout
{
    /// <summary>A full HTML page.</summary>
    /// <param name="title">Plain-text title (escaped here).</param>
    /// <param name="body">Body HTML (already escaped).</param>
    /// <param name="charts">True to load plotly.js (served by this server).</param>
    /// <param name="refreshSeconds">When set, the page reloads itself after this many seconds (progress pages).</param>
    public static string Page(string title, string body, bool charts = false, int? refreshSeconds = null)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        if (refreshSeconds is { } s)
        {
            sb.Append("<meta http-equiv=\"refresh\" content=\"").Append(s).Append("\">");
        }

        sb.Append("<title>").Append(HtmlText.Encode(title)).Append(" · SmartPulse</title>")
          .Append("<link rel=\"icon\" href=\"/favicon.ico\" type=\"image/svg+xml\"><link rel=\"stylesheet\" href=\"/assets/app.css\">");
        if (charts)
        {
            sb.Append("<script src=\"/assets/plotly.min.js\"></script>");
        }

        sb.Append("<script src=\"/assets/app.js\" defer></script></head><body>")
          .Append("<header><a class=\"brand\" href=\"/\">SmartPulse</a> <span class=\"tag\">customer segmentation</span></header><main>")
          .Append(body)
          .Append("</main><footer>SmartPulse · everything on this page is served by this machine · <a href=\"/openapi/v1.json\">scoring API (OpenAPI)</a></footer></body></html>");
        return sb.ToString();
    }

    /// <summary>The hidden CSRF field for a form.</summary>
    public static string CsrfField(string token) =>
        $"<input type=\"hidden\" name=\"{AppSession.CsrfField}\" value=\"{HtmlText.Encode(token)}\">";

    /// <summary>An error box (text escaped).</summary>
    public static string Error(string message) => $"<div class=\"error\" role=\"alert\">{HtmlText.Encode(message)}</div>";
}
