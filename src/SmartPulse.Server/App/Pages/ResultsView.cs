using System.Globalization;
using System.Text;
using SmartPulse.Analysis.Segmentation;
using SmartPulse.Display.Html;
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

    /// <summary>
    /// The segment summary table, rendered by Display's <see cref="HtmlTable"/> with the page's own stylesheet: table id
    /// <c>segments</c>, one <c>tr.segment</c> per segment with <c>data-segment</c> and <c>data-size</c>, cells classed
    /// <c>num</c>/<c>name</c>/<c>size</c> (the app's script and the tests select on them), then the <c>tr.all</c> row.
    /// </summary>
    private static string SummaryTable(AppReport report)
    {
        var profile = report.Insights.Profile;
        var names = report.Insights.NameMap;
        var headers = new List<string> { "segment", "name", "customers", "share" };
        foreach (var f in profile.Features)
        {
            var unit = profile.Unit(f);
            headers.Add("mean " + profile.Label(f) + (unit is { Length: > 0 } ? $" ({unit})" : string.Empty));
        }

        string?[] CellClasses(string? first, string? second, string third) =>
            [first, second, third, "num", .. profile.Features.Select(_ => "num")];

        var rows = new List<HtmlTableRow>();
        var segmentClasses = CellClasses("num", "name", "num size");
        foreach (var s in profile.Segments)
        {
            var segment = s.Segment.ToString(_c);
            var size = s.Size.ToString(_c);
            rows.Add(new HtmlTableRow(
                [segment, names.TryGetValue(s.Segment, out var name) ? name : "Segment " + segment, size, (s.Share * 100).ToString("0.0", _c) + "%", .. s.Features.Select(f => JobPage.Metric(f.Mean, "0.##"))])
            {
                Class = "segment",
                Data = [new("segment", segment), new("size", size)],
                CellClasses = segmentClasses,
            });
        }

        rows.Add(new HtmlTableRow(["", "all customers", profile.Rows.ToString(_c), "100.0%", .. profile.Overall.Select(f => JobPage.Metric(f.Mean, "0.##"))])
        {
            Class = "all",
            CellClasses = CellClasses(null, null, "num"),
        });
        var table = HtmlTable.Render(headers, rows, new HtmlTableOptions { Id = "segments", Standalone = false });
        return "<section class=\"card\"><h2>Segments</h2><div class=\"scroll\">" + table + "</div></section>";
    }

    private static string AlgorithmName(SegmentationAlgorithm algorithm) => algorithm switch
    {
        SegmentationAlgorithm.AutoencoderKMeans => "Autoencoder + KMeans",
        SegmentationAlgorithm.Ward => "Ward",
        SegmentationAlgorithm.Dbscan => "DBSCAN",
        _ => "KMeans",
    };
}
