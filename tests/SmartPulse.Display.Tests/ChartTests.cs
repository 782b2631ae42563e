using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Evaluation;
using SmartPulse.Analysis.Exploration;
using SmartPulse.Analysis.Features;
using SmartPulse.Analysis.Insights;
using SmartPulse.Analysis.Samples;
using SmartPulse.Display.Charts;

namespace SmartPulse.Display.Tests;

public class ChartTests
{
    private static JsonObject Figure(SmartChart c) => JsonNode.Parse(c.ToFigureJson())!.AsObject();

    private static JsonArray Data(SmartChart c) => Figure(c)["data"]!.AsArray();

    private static double[] Numbers(JsonNode? n) => n!.AsArray().Select(x => x!.GetValue<double>()).ToArray();

    [Fact]
    public void Scatter_has_one_trace_per_segment_plus_centroids_with_consistent_colours()
    {
        var palette = new SegmentPalette(new Dictionary<int, string> { [0] = "Low", [1] = "High" });
        var chart = SegmentCharts.Scatter([1.0, 2, 8, 9], [1.0, 2, 8, 9], [0, 0, 1, 1], "Income (k$)", "Score", [[1.5, 1.5], [8.5, 8.5]], palette);
        var data = Data(chart);
        Assert.Equal(3, data.Count);
        Assert.Equal("Low", data[0]!["name"]!.GetValue<string>());
        Assert.Equal(new[] { 1.0, 2 }, Numbers(data[0]!["x"]));
        Assert.Equal(palette.ColorOf(1), data[1]!["marker"]!["color"]!.GetValue<string>());
        Assert.Equal("Centroids", data[2]!["name"]!.GetValue<string>());
        Assert.Equal(new[] { 1.5, 8.5 }, Numbers(data[2]!["x"]));
        Assert.Equal("Income (k$)", Figure(chart)["layout"]!["xaxis"]!["title"]!["text"]!.GetValue<string>());

        // The same segment has the same colour in the box plot and the size bars.
        var box = Data(SegmentCharts.Box([1.0, 2, 3, 4], [0, 0, 1, 1], "v", palette));
        Assert.Equal(palette.ColorOf(1), box[1]!["marker"]!["color"]!.GetValue<string>());
        var sizes = Data(SegmentCharts.Sizes([0, 1, 1], palette));
        Assert.Equal(palette.ColorOf(1), sizes[0]!["marker"]!["color"]![1]!.GetValue<string>());
        Assert.Equal("2 (66.7%)", sizes[0]!["text"]![1]!.GetValue<string>());
        Assert.Equal(SegmentPalette.NoiseColor, SegmentPalette.Default.ColorOf(-1));
    }

    [Fact]
    public void Large_scatters_switch_to_webgl()
    {
        var n = SegmentCharts.WebGlFromPoints;
        var big = SegmentCharts.Scatter(new double[n], new double[n], new int[n], "x", "y");
        Assert.Equal("scattergl", Data(big)[0]!["type"]!.GetValue<string>());
        var small = SegmentCharts.Scatter(new double[n - 1], new double[n - 1], new int[n - 1], "x", "y");
        Assert.Equal("scatter", Data(small)[0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Missing_values_become_null_not_NaN()
    {
        var chart = SegmentCharts.Scatter([1.0, double.NaN], [1.0, 2], [0, 0], "x", "y");
        Assert.DoesNotContain("NaN", chart.ToFigureJson(), StringComparison.Ordinal);
        Assert.Null(Data(chart)[0]!["x"]![1]);
    }

    [Fact]
    public void Elbow_and_silhouette_mark_the_chosen_k()
    {
        var elbow = ClusterCharts.Elbow([(3, 60.0), (2, 100.0), (4, 50.0)], chosenK: 3);
        var data = Data(elbow);
        Assert.Equal(new[] { 2.0, 3, 4 }, Numbers(data[0]!["x"]));
        Assert.Equal(new[] { 3.0 }, Numbers(data[1]!["x"]));
        Assert.Equal(new[] { 60.0 }, Numbers(data[1]!["y"]));
        Assert.Equal(3, Figure(elbow)["layout"]!["shapes"]![0]!["x0"]!.GetValue<int>());
        Assert.Throws<ArgumentException>(() => ClusterCharts.SilhouetteByK([(2, 0.5)], chosenK: 7));
    }

    [Fact]
    public void Dendrogram_coordinates_follow_scipy_layout()
    {
        // Leaves 0, 1, 2; merge 0 joins (0, 1) at 1.0 → node 3; merge 1 joins (2, 3) at 3.0.
        // Left-first order from the root: 2, 0, 1 → x = 5, 15, 25; node 3 at x = 20.
        var chart = ClusterCharts.Dendrogram([(0, 1, 1.0), (2, 3, 3.0)], 3, cutHeight: 2.0);
        var trace = Data(chart)[0]!;
        var x = trace["x"]!.AsArray().Select(v => v?.GetValue<double>()).ToArray();
        var y = trace["y"]!.AsArray().Select(v => v?.GetValue<double>()).ToArray();
        Assert.Equal(new double?[] { 15, 15, 25, 25, null, 5, 5, 20, 20, null }, x);
        Assert.Equal(new double?[] { 0, 1, 1, 0, null, 0, 3, 3, 1, null }, y);
        Assert.Equal(2.0, Figure(chart)["layout"]!["shapes"]![0]!["y0"]!.GetValue<double>());
        Assert.Throws<ArgumentException>(() => ClusterCharts.Dendrogram([(0, 1, 1.0)], 3));
    }

    [Fact]
    public void Silhouette_plot_sorts_each_segment_and_marks_the_mean()
    {
        var chart = ClusterCharts.SilhouettePlot([0.5, 0.1, 0.9, -0.2], [0, 0, 1, 1]);
        var data = Data(chart);
        Assert.Equal(new[] { 0.1, 0.5 }, Numbers(data[0]!["x"]));
        Assert.Equal(new[] { -0.2, 0.9 }, Numbers(data[1]!["x"]));
        Assert.Equal(0.325, Figure(chart)["layout"]!["shapes"]![0]!["x0"]!.GetValue<double>(), 12);
    }

    [Fact]
    public void Histogram_heatmap_radar_and_loss_carry_the_numbers()
    {
        var h = new Histogram("Age", [0.0, 10, 20], [3, 5], "Sturges");
        var hd = Data(EdaCharts.Histogram(h, "Age (years)"))[0]!;
        Assert.Equal(new[] { 5.0, 15 }, Numbers(hd["x"]));
        Assert.Equal(new[] { 3.0, 5 }, Numbers(hd["y"]));
        Assert.Equal(new[] { 10.0, 10 }, Numbers(hd["width"]));

        var frame = new Microsoft.Data.Analysis.DataFrame(
            new Microsoft.Data.Analysis.DoubleDataFrameColumn("a", new double?[] { 1, 2, 3 }),
            new Microsoft.Data.Analysis.DoubleDataFrameColumn("b", new double?[] { 3, 2, 1 }));
        var heat = Data(EdaCharts.CorrelationHeatmap(Eda.Correlation(frame)))[0]!;
        Assert.Equal(-1.0, heat["z"]![0]![1]!.GetValue<double>(), 12);
        Assert.Equal("-1.00", heat["text"]![0]![1]!.GetValue<string>());

        var profile = SegmentInsights.Profile(frame, [0, 0, 1]);
        var radar = Data(SegmentCharts.ProfileRadar(profile));
        Assert.Equal(2, radar.Count);

        // Segment 1's a: (3 − 2) / 1 = +1 SD; the line closes on the first feature.
        Assert.Equal(new[] { 1.0, -1.0, 1.0 }, Numbers(radar[1]!["r"]));

        var loss = Data(ClusterCharts.LossCurve([1.0, 0.5], [1.2, 0.7], bestEpoch: 2));
        Assert.Equal(new[] { 1.0, 2 }, Numbers(loss[0]!["x"]));
        Assert.Equal(new[] { 1.2, 0.7 }, Numbers(loss[1]!["y"]));

        var history = new SmartPulse.Analysis.Autoencoder.TrainingHistory
        {
            Loss = [1.0, 0.5, 0.6],
            ValidationLoss = [],
            TrainingRows = 10,
            ValidationRows = 0,
            Steps = 3,
            BestEpoch = 2,
            StoppedEarly = false,
            RestoredBestWeights = false,
        };
        var fromHistory = ClusterCharts.LossCurve(history);
        Assert.Single(Data(fromHistory));
        Assert.Equal(2, Figure(fromHistory)["layout"]!["shapes"]![0]!["x0"]!.GetValue<int>());
    }

    [Fact]
    public void Projection_titles_carry_the_explained_variance()
    {
        var scores = FeatureMatrix.FromRows([[1.0, 0.0, 2.0], [-1.0, 0.5, 0.0], [0.0, -0.5, -2.0]], ["PC1", "PC2", "PC3"]);
        var two = SegmentCharts.Projection(scores, [0, 1, 1], [0.5, 0.3, 0.2]);
        Assert.Equal("PC1 (50.0% of variance)", Figure(two)["layout"]!["xaxis"]!["title"]!["text"]!.GetValue<string>());

        // Centroid of segment 1 on (PC1, PC2): ((−1 + 0) / 2, (0.5 − 0.5) / 2) = (−0.5, 0).
        var centroids = Data(two)[2]!;
        Assert.Equal(-0.5, centroids["x"]![1]!.GetValue<double>(), 12);
        Assert.Equal(0.0, centroids["y"]![1]!.GetValue<double>(), 12);

        var three = SegmentCharts.Projection(scores, [0, 1, 1], [0.5, 0.3, 0.2], dimensions: 3);
        Assert.Equal("scatter3d", Data(three)[0]!["type"]!.GetValue<string>());
        Assert.Equal("PC3 (20.0% of variance)", Figure(three)["layout"]!["scene"]!["zaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Throws<ArgumentException>(() => SegmentCharts.Projection(FeatureMatrix.FromRows([[1.0, 2.0]], ["PC1", "PC2"]), [0], dimensions: 3));
    }

    [Fact]
    public void Html_modes_embed_reference_or_leave_out_plotly_js()
    {
        var chart = ClusterCharts.LossCurve([1.0, 0.5]);
        var embedded = chart.ToHtml(new ChartHtmlOptions { PlotlyJs = PlotlyJsMode.Embed });
        Assert.True(embedded.Length > 3_000_000, "embedded plotly.js expected");
        var referenced = chart.ToHtml(new ChartHtmlOptions { PlotlyJs = PlotlyJsMode.Reference, PlotlyJsUrl = "plotly.min.js" });
        Assert.Contains("<script type=\"text/javascript\" src=\"plotly.min.js\"", referenced, StringComparison.Ordinal);
        var none = chart.ToHtml(new ChartHtmlOptions { PlotlyJs = PlotlyJsMode.None, DivId = "my-chart" });
        Assert.DoesNotContain("src=", none, StringComparison.Ordinal);
        Assert.Contains("<div id=\"my-chart\"", none, StringComparison.Ordinal);

        // A page embeds plotly.js once and numbers its charts.
        var page = ChartPage.Render([chart, ClusterCharts.LossCurve([2.0, 1.0])]);
        Assert.Single(Regex.Matches(page, Regex.Escape(PlotlyJs.Source[..200])));
        Assert.Contains("id=\"chart-1\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-2\"", page, StringComparison.Ordinal);

        // Content-derived ids: equal content → equal id, different content → different id.
        Assert.Equal(chart.ContentId, ClusterCharts.LossCurve([1.0, 0.5]).ContentId);
        Assert.NotEqual(chart.ContentId, ClusterCharts.LossCurve([1.0, 0.6]).ContentId);
    }

    [Fact]
    public void Real_data_mall_charts_from_kmeans_sweep_and_ward()
    {
        var frame = Datasets.Mall.Load();
        string[] f = ["Annual Income (k$)", "Spending Score (1-100)"];
        var cols = f.Select(c => FrameColumns.PresentNumeric(FrameColumns.Get(frame, c))).ToArray();
        var x = FeatureMatrix.FromRows(Enumerable.Range(0, 200).Select(i => cols.Select(c => c[i]).ToArray()).ToArray(), f);
        var model = new KMeans(new KMeansOptions { K = 5, Seed = 0 }).Fit(x);
        var report = SegmentInsights.Analyze(frame, model.Labels, ClusterMetrics.Silhouette(x, model.Labels), new ProfileOptions { Dataset = Datasets.Mall });
        var palette = new SegmentPalette(report.NameMap);

        var scatter = SegmentCharts.Scatter(frame, f[0], f[1], model.Labels, model.Centroids, Datasets.Mall, palette);
        var names = Data(scatter).Take(5).Select(t => t!["name"]!.GetValue<string>()).ToArray();
        Assert.Contains("High income · High spending", names);
        Assert.Equal("Annual income (k$)", Figure(scatter)["layout"]!["xaxis"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal(200, Data(scatter).Take(5).Sum(t => t!["x"]!.AsArray().Count));

        var sweep = new KSweep(new KSweepOptions { MinK = 2, MaxK = 8 }).Fit(x);
        var elbow = ClusterCharts.Elbow(sweep);
        Assert.Equal(sweep.RecommendedK, Figure(elbow)["layout"]!["shapes"]![0]!["x0"]!.GetValue<int>());
        Assert.Equal(sweep.Rows.Select(r => r.Inertia).ToArray(), Numbers(Data(elbow)[0]!["y"]));
        Assert.Equal(sweep.Rows.Select(r => r.Silhouette).ToArray(), Numbers(Data(ClusterCharts.SilhouetteByK(sweep))[0]!["y"]));

        var ward = new Ward(new WardOptions { K = 5 }).Fit(x);
        var dendro = ClusterCharts.Dendrogram(ward);
        Assert.Equal(199 * 5, Data(dendro)[0]!["x"]!.AsArray().Count);

        var cut = Figure(dendro)["layout"]!["shapes"]![0]!["y0"]!.GetValue<double>();
        Assert.True(cut > ward.Merges[^5].Height && cut < ward.Merges[^4].Height, "the cut lies between the merges that leave 5 and 4 clusters");
    }
}
