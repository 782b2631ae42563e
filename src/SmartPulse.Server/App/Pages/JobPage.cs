using System.Globalization;
using System.Text;
using SmartPulse.Text;

namespace SmartPulse.Server.App.Pages;

/// <summary>A job's page: progress with a cancel button while it runs; the results when done; the error or cancellation otherwise.</summary>
internal static class JobPage
{
    /// <summary>The page.</summary>
    public static string Render(SegmentJob job, string csrf)
    {
        var id = HtmlText.Encode(job.Id);
        var back = $"<p><a href=\"/app/datasets/{HtmlText.Encode(job.Dataset.Id)}\">← change the method</a> · <a href=\"/\">another dataset</a></p>";
        switch (job.State)
        {
            case JobState.Done:
                return Layout.Page("Segments of " + job.Dataset.DisplayName, ResultsView.Render(job, job.Result!) + back, charts: true);
            case JobState.Failed:
                return Layout.Page("Segmentation failed", "<h1>Segmentation failed</h1>" + Layout.Error(job.Error ?? "unknown error") + back);
            case JobState.Cancelled:
                return Layout.Page("Segmentation cancelled", "<h1>Segmentation cancelled</h1><p id=\"cancelled\">The work was stopped; nothing was kept.</p>" + back);
            default:
                var stages = job.Stages;
                var done = Math.Min(stages.Count, SegmentJob.ExpectedStages);
                var sb = new StringBuilder();
                sb.Append("<h1>Segmenting ").Append(HtmlText.Encode(job.Dataset.DisplayName)).Append("…</h1>")
                  .Append("<div id=\"progress\" data-job=\"").Append(id).Append("\"><progress max=\"").Append(SegmentJob.ExpectedStages).Append("\" value=\"").Append(done).Append("\"></progress> ")
                  .Append("<span id=\"stage\">").Append(HtmlText.Encode(stages.Count > 0 ? stages[^1] : "Starting")).Append("</span></div><ol class=\"stages\">");
                foreach (var s in stages)
                {
                    sb.Append("<li>").Append(HtmlText.Encode(s)).Append("</li>");
                }

                sb.Append("</ol><form method=\"post\" action=\"/app/jobs/").Append(id).Append("/cancel\">").Append(Layout.CsrfField(csrf))
                  .Append("<button type=\"submit\" id=\"cancel\" class=\"secondary\">Cancel</button></form>");
                return Layout.Page("Segmenting", sb.ToString(), refreshSeconds: 1);
        }
    }

    /// <summary>Formats a metric for display ("undefined" when null).</summary>
    public static string Metric(double? value, string format) =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "undefined";
}
