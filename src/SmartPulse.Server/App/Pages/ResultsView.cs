using System.Globalization;
using System.Text;
using SmartPulse.Analysis.Segmentation;
using SmartPulse.Display.Narratives;
using SmartPulse.Text;

namespace SmartPulse.Server.App.Pages;

/// <summary>The results: metrics, the cluster summary table with names, the narrative, the charts and the downloads.</summary>
internal static class ResultsView
{
    private static readonly CultureInfo _c = CultureInfo.InvariantCulture;

    /// <summary>The results HTML (every data text escaped).</summary>
    public static string Render(SegmentJob job, AppReport report)
    {
        var run = report.Run;
        var scores = run.Scores;
        var id = HtmlText.Encode(job.Id);
        var sb = new StringBuilder();
        sb.Append("<h1>").Append(HtmlText.Encode(job.Dataset.DisplayName)).Append(": ").Append(run.Result.ClusterCount).Append(" segments</h1>")
          .Append("<p class=\"lead\">").Append(HtmlText.Encode(AlgorithmName(job.Options.Algorithm))).Append(" on ")
          .Append(HtmlText.Encode(string.Join(", ", job.Options.Features))).Append(" · scaling: ").Append(HtmlText.Encode(run.Model.Metadata.Parameters["scale"]))
          .Append(" · seed ").Append(job.Options.Seed).Append(" · ").Append(run.Features.Rows.ToString("N0", _c)).Append(" customers</p>");
        if (run.Sweep is { } sweep && job.Options.K is null)
        {
            sb.Append("<p>k chosen automatically: <strong>").Append(sweep.RecommendedK).Append("</strong>. ").Append(HtmlText.Encode(string.Join(" ", sweep.Reasons))).Append("</p>");
        }

        sb.Append("<dl class=\"metrics\" id=\"metrics\">")
          .Append(Metric("silhouette", "Silhouette (−1…1, higher is better)", JobPage.Metric(scores.Silhouette, "0.000")))
          .Append(Metric("inertia", "Inertia (within-segment sum of squares)", JobPage.Metric(run.Result.Inertia, "0.00")))
          .Append(Metric("calinski-harabasz", "Calinski–Harabasz (higher is better)", JobPage.Metric(scores.CalinskiHarabasz, "0.00")))
          .Append(Metric("davies-bouldin", "Davies–Bouldin (lower is better)", JobPage.Metric(scores.DaviesBouldin, "0.000")))
          .Append("</dl>");
        var warnings = run.Result.Warnings.Concat(scores.Warnings).Concat(run.Prepared.Warnings).ToList();
        if (run.Result.NoiseCount > 0)
        {
            warnings.Insert(0, $"{run.Result.NoiseCount} customers are noise (segment −1).");
        }

        foreach (var w in warnings)
        {
            sb.Append("<p class=\"warning\">").Append(HtmlText.Encode(w)).Append("</p>");
        }

        sb.Append("<p class=\"downloads\"><a id=\"download-csv\" class=\"button\" href=\"/app/jobs/").Append(id).Append("/segments.csv\" download>Download the segmented CSV</a> ")
          .Append("<a id=\"download-model\" class=\"button\" href=\"/app/jobs/").Append(id).Append("/model.zip\" download>Download the model zip</a></p>");
        sb.Append(SummaryTable(report));
        sb.Append("<section class=\"card narrative\" id=\"narrative\">").Append(NarrativeHtml.Render(report.Insights.ToNarrative()));
        sb.Append("</section><section class=\"charts\">");
        var n = 0;
        foreach (var chart in report.Charts)
        {
            var figureId = "figure-" + (n++).ToString(_c);
            sb.Append("<div class=\"chart\" data-figure=\"").Append(figureId).Append("\" style=\"height:").Append(chart.Height).Append("px\"></div>")
              .Append("<script type=\"application/json\" id=\"").Append(figureId).Append("\">").Append(HtmlText.ScriptSafeJson(chart.ToFigureJson())).Append("</script>");
        }

        return sb.Append("</section>").ToString();
    }

    private static string Metric(string key, string label, string value) =>
        $"<div><dt>{HtmlText.Encode(label)}</dt><dd id=\"metric-{key}\">{HtmlText.Encode(value)}</dd></div>";

    private static string SummaryTable(AppReport report)
    {
        var profile = report.Insights.Profile;
        var names = report.Insights.NameMap;
        var sb = new StringBuilder();
        sb.Append("<section class=\"card\"><h2>Segments</h2><div class=\"scroll\"><table id=\"segments\"><thead><tr><th>segment</th><th>name</th><th>customers</th><th>share</th>");
        foreach (var f in profile.Features)
        {
            var unit = profile.Unit(f);
            sb.Append("<th>mean ").Append(HtmlText.Encode(profile.Label(f))).Append(unit is { Length: > 0 } ? HtmlText.Encode($" ({unit})") : string.Empty).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var s in profile.Segments)
        {
            sb.Append("<tr class=\"segment\" data-segment=\"").Append(s.Segment).Append("\" data-size=\"").Append(s.Size).Append("\"><td class=\"num\">").Append(s.Segment).Append("</td><td class=\"name\">")
              .Append(HtmlText.Encode(names.TryGetValue(s.Segment, out var name) ? name : "Segment " + s.Segment.ToString(_c))).Append("</td><td class=\"num size\">").Append(s.Size.ToString(_c))
              .Append("</td><td class=\"num\">").Append((s.Share * 100).ToString("0.0", _c)).Append("%</td>");
            foreach (var f in s.Features)
            {
                sb.Append("<td class=\"num\">").Append(JobPage.Metric(f.Mean, "0.##")).Append("</td>");
            }

            sb.Append("</tr>");
        }

        sb.Append("<tr class=\"all\"><td></td><td>all customers</td><td class=\"num\">").Append(profile.Rows.ToString(_c)).Append("</td><td class=\"num\">100.0%</td>");
        foreach (var f in profile.Overall)
        {
            sb.Append("<td class=\"num\">").Append(JobPage.Metric(f.Mean, "0.##")).Append("</td>");
        }

        return sb.Append("</tr></tbody></table></div></section>").ToString();
    }

    private static string AlgorithmName(SegmentationAlgorithm algorithm) => algorithm switch
    {
        SegmentationAlgorithm.AutoencoderKMeans => "Autoencoder + KMeans",
        SegmentationAlgorithm.Ward => "Ward",
        SegmentationAlgorithm.Dbscan => "DBSCAN",
        _ => "KMeans",
    };
}
