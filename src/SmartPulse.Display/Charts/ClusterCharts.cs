using System.Globalization;
using SmartPulse.Analysis.Autoencoder;
using SmartPulse.Analysis.Clustering;
using SmartPulse.Analysis.Evaluation;
using SmartPulse.Text;
using static SmartPulse.Display.Charts.PlotlyBuild;

namespace SmartPulse.Display.Charts;

/// <summary>
/// Charts for choosing and checking a clustering: the elbow curve, silhouette against k, the per-sample silhouette
/// plot, the Ward dendrogram and the autoencoder's loss curve. Each takes plain data, with convenience overloads for
/// <see cref="KSweepResult"/>, <see cref="WardModel"/> and <see cref="TrainingHistory"/>.
/// </summary>
public static class ClusterCharts
{
    private const string ChosenColor = "#e15759";
    private const string LineColor = "#4e79a7";
    private static readonly CultureInfo _c = CultureInfo.InvariantCulture;

    /// <summary>Inertia (within-cluster sum of squares) against k, with the chosen k marked by a dashed line and a red point.</summary>
    /// <param name="points">(k, inertia) per k, any order.</param>
    /// <param name="chosenK">The k to mark, or null.</param>
    /// <param name="title">Chart title.</param>
    public static SmartChart Elbow(IReadOnlyList<(int K, double Inertia)> points, int? chosenK = null, string? title = null) =>
        ByK(points, chosenK, "Inertia (within-cluster sum of squares)", title ?? "Elbow curve: inertia by number of segments", "inertia");

    /// <summary>The elbow curve of a k sweep; marks <paramref name="chosenK"/> (default: the sweep's recommended k).</summary>
    /// <param name="sweep">The k sweep.</param>
    /// <param name="chosenK">The k to mark; default <see cref="KSweepResult.RecommendedK"/>.</param>
    public static SmartChart Elbow(KSweepResult sweep, int? chosenK = null)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return Elbow(sweep.Rows.Select(r => (r.K, r.Inertia)).ToArray(), chosenK ?? sweep.RecommendedK);
    }

    /// <summary>Mean silhouette ([−1, 1], higher is better) against k, with the chosen k marked.</summary>
    /// <param name="points">(k, silhouette) per k.</param>
    /// <param name="chosenK">The k to mark, or null.</param>
    /// <param name="title">Chart title.</param>
    public static SmartChart SilhouetteByK(IReadOnlyList<(int K, double Silhouette)> points, int? chosenK = null, string? title = null) =>
        ByK(points, chosenK, "Mean silhouette (higher is better)", title ?? "Mean silhouette by number of segments", "silhouette");

    /// <summary>Silhouette against k from a k sweep; marks <paramref name="chosenK"/> (default: the recommended k).</summary>
    /// <param name="sweep">The k sweep.</param>
    /// <param name="chosenK">The k to mark; default <see cref="KSweepResult.RecommendedK"/>.</param>
    public static SmartChart SilhouetteByK(KSweepResult sweep, int? chosenK = null)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return SilhouetteByK(sweep.Rows.Select(r => (r.K, r.Silhouette)).ToArray(), chosenK ?? sweep.RecommendedK);
    }

    /// <summary>
    /// The per-sample silhouette plot: each customer's silhouette as a horizontal bar, sorted within its segment and
    /// grouped by segment, with the mean as a dashed red line. Bars left of 0 are customers closer to another segment.
    /// </summary>
    /// <param name="samples">Silhouette per customer (for example <c>ClusterMetrics.SilhouetteSamples</c>).</param>
    /// <param name="labels">Segment per customer (noise −1 is left out).</param>
    /// <param name="palette">Colours and names.</param>
    /// <param name="title">Chart title.</param>
    public static SmartChart SilhouettePlot(IReadOnlyList<double> samples, IReadOnlyList<int> labels, SegmentPalette? palette = null, string? title = null)
    {
        SameLength(samples.Count, labels.Count, "labels", nameof(labels));
        palette ??= SegmentPalette.Default;
        var traces = new List<Trace>();
        var position = 0;
        const int gap = 10;
        var tickVals = new List<double>();
        var tickText = new List<string>();
        var kept = new List<double>();
        foreach (var s in Segments(labels).Where(s => s >= 0))
        {
            var v = Enumerable.Range(0, labels.Count).Where(i => labels[i] == s).Select(i => samples[i]).Order().ToArray();
            kept.AddRange(v);
            var y = Enumerable.Range(position, v.Length).Select(i => (double)i).ToArray();
            traces.Add(Trace2D(
                "bar",
                ("name", HtmlText.Encode(palette.NameOf(s))),
                ("orientation", "h"),
                ("x", Nums(v)),
                ("y", y),
                ("width", 1.0),
                ("marker", Obj(("color", palette.ColorOf(s)), ("line", Obj(("width", 0)))))));
            tickVals.Add(position + (v.Length / 2.0));
            tickText.Add(HtmlText.Encode(palette.NameOf(s)));
            position += v.Length + gap;
        }

        var mean = kept.Count > 0 ? kept.Average() : 0;
        var shapes = new[] { Obj(("type", "line"), ("x0", mean), ("x1", mean), ("yref", "paper"), ("y0", 0), ("y1", 1), ("line", Obj(("color", ChosenColor), ("dash", "dash"), ("width", 2)))) };
        var annotations = new[] { Obj(("x", mean), ("yref", "paper"), ("y", 1.0), ("yanchor", "bottom"), ("text", "mean " + mean.ToString("0.000", _c)), ("showarrow", false), ("font", Obj(("color", ChosenColor)))) };
        return Chart(
            traces,
            title ?? "Silhouette of each customer by segment",
            Obj(
                ("bargap", 0),
                ("xaxis", Axis("Silhouette coefficient (−1 to 1)", ("range", new[] { Math.Min(-0.1, kept.DefaultIfEmpty(0).Min() - 0.05), 1.0 }))),
                ("yaxis", Axis(null, ("tickvals", tickVals.ToArray()), ("ticktext", tickText.ToArray()), ("showgrid", false))),
                ("shapes", shapes),
                ("annotations", annotations)),
            560);
    }

    /// <summary>
    /// The dendrogram of a hierarchical clustering in SciPy's linkage convention: leaves 0..n−1, merge i creates node
    /// n + i at its height. Leaves are ordered as SciPy orders them (left subtree first); an optional dashed line marks
    /// the height where the tree is cut.
    /// </summary>
    /// <param name="merges">(left, right, height) per merge, in merge order (n − 1 merges).</param>
    /// <param name="leaves">Number of leaves n.</param>
    /// <param name="cutHeight">Height of the cut to mark, or null.</param>
    /// <param name="title">Chart title.</param>
    public static SmartChart Dendrogram(IReadOnlyList<(int Left, int Right, double Height)> merges, int leaves, double? cutHeight = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(merges);
        if (merges.Count != leaves - 1)
        {
            throw new ArgumentException($"A tree over {leaves} leaves has {leaves - 1} merges; got {merges.Count}.", nameof(merges));
        }

        var layout = DendrogramLayout.Compute(merges, leaves);
        var trace = Trace2D(
            "scatter",
            ("mode", "lines"),
            ("x", layout.X),
            ("y", layout.Y),
            ("line", Obj(("color", "#555555"), ("width", 1))),
            ("hoverinfo", "y"),
            ("showlegend", false));
        var shapes = cutHeight is { } h
            ? new[] { Obj(("type", "line"), ("xref", "paper"), ("x0", 0), ("x1", 1), ("y0", h), ("y1", h), ("line", Obj(("color", ChosenColor), ("dash", "dash"), ("width", 2)))) }
            : [];
        var showTicks = leaves <= 60;
        var xaxis = Axis(
            showTicks ? "Customer (row)" : $"{leaves.ToString(_c)} customers (leaf labels hidden)",
            ("tickvals", showTicks ? layout.LeafX : null),
            ("ticktext", showTicks ? layout.LeafOrder.Select(i => i.ToString(_c)).ToArray() : null),
            ("showticklabels", showTicks),
            ("showgrid", false),
            ("zeroline", false));
        return Chart([trace], title ?? "Ward dendrogram", Obj(("xaxis", xaxis), ("yaxis", Axis("Merge height (Ward distance)")), ("shapes", shapes)));
    }

    /// <summary>The dendrogram of a Ward model, cut where it yields <paramref name="clusters"/> segments (default: the model's k).</summary>
    /// <param name="model">The Ward model.</param>
    /// <param name="clusters">Number of segments to mark with the cut line.</param>
    public static SmartChart Dendrogram(WardModel model, int? clusters = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var k = clusters ?? model.K;
        var merges = model.Merges.Select(m => (m.Left, m.Right, m.Height)).ToArray();
        double? cut = null;
        var n = model.Rows;
        if (k >= 2 && k <= n && merges.Length == n - 1)
        {
            // k segments remain after the first n − k merges: cut between merge n−k−1 and merge n−k.
            var below = n - k - 1 >= 0 ? merges[n - k - 1].Height : 0;
            cut = (below + merges[n - k].Height) / 2;
        }

        return Dendrogram(merges, n, cut, $"Ward dendrogram (cut at {k.ToString(_c)} segments)");
    }

    /// <summary>Training (and validation) loss per epoch, with the best epoch marked when given.</summary>
    /// <param name="loss">Training loss per epoch.</param>
    /// <param name="validationLoss">Validation loss per epoch, or null/empty.</param>
    /// <param name="lossName">What the loss is, for the axis (default "Reconstruction loss (MSE)").</param>
    /// <param name="bestEpoch">1-based epoch to mark, or null.</param>
    /// <param name="title">Chart title.</param>
    public static SmartChart LossCurve(IReadOnlyList<double> loss, IReadOnlyList<double>? validationLoss = null, string lossName = "Reconstruction loss (MSE)", int? bestEpoch = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(loss);
        var traces = new List<Trace>
        {
            Trace2D("scatter", ("name", "training"), ("mode", "lines"), ("x", Enumerable.Range(1, loss.Count).ToArray()), ("y", Nums(loss)), ("line", Obj(("color", LineColor), ("width", 2)))),
        };
        if (validationLoss is { Count: > 0 })
        {
            traces.Add(Trace2D("scatter", ("name", "validation"), ("mode", "lines"), ("x", Enumerable.Range(1, validationLoss.Count).ToArray()), ("y", Nums(validationLoss)), ("line", Obj(("color", "#f28e2b"), ("width", 2), ("dash", "dot")))));
        }

        var shapes = bestEpoch is { } b
            ? new[] { Obj(("type", "line"), ("x0", b), ("x1", b), ("yref", "paper"), ("y0", 0), ("y1", 1), ("line", Obj(("color", ChosenColor), ("dash", "dash"), ("width", 1)))) }
            : [];
        return Chart(traces, title ?? "Autoencoder training loss", Obj(("xaxis", Axis("Epoch")), ("yaxis", Axis(lossName)), ("shapes", shapes)));
    }

    /// <summary>The loss curve of an autoencoder's training history, best epoch marked.</summary>
    /// <param name="history">The history (for example <c>AutoencoderModel.History</c>).</param>
    public static SmartChart LossCurve(TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return LossCurve(history.Loss, history.ValidationLoss, bestEpoch: history.BestEpoch);
    }

    private static SmartChart ByK(IReadOnlyList<(int K, double Value)> points, int? chosenK, string yTitle, string title, string what)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.OrderBy(p => p.K).ToArray();
        var traces = new List<Trace>
        {
            Trace2D("scatter", ("name", what), ("mode", "lines+markers"), ("x", sorted.Select(p => p.K).ToArray()), ("y", Nums(sorted.Select(p => p.Value))), ("line", Obj(("color", LineColor), ("width", 2))), ("marker", Obj(("size", 8)))),
        };
        var shapes = Array.Empty<Dictionary<string, object>>();
        var annotations = Array.Empty<Dictionary<string, object>>();
        if (chosenK is { } k)
        {
            var hit = sorted.Where(p => p.K == k).ToArray();
            if (hit.Length == 0)
            {
                throw new ArgumentException($"chosenK is {k} but the points cover k = {string.Join(", ", sorted.Select(p => p.K))}.", nameof(chosenK));
            }

            traces.Add(Trace2D("scatter", ("name", $"chosen k = {k.ToString(_c)}"), ("mode", "markers"), ("x", new[] { k }), ("y", Nums([hit[0].Value])), ("marker", Obj(("color", ChosenColor), ("size", 14), ("symbol", "circle-open"), ("line", Obj(("width", 3)))))));
            shapes = [Obj(("type", "line"), ("x0", k), ("x1", k), ("yref", "paper"), ("y0", 0), ("y1", 1), ("line", Obj(("color", ChosenColor), ("dash", "dash"), ("width", 1))))];
            annotations = [Obj(("x", k), ("yref", "paper"), ("y", 1.04), ("text", "k = " + k.ToString(_c)), ("showarrow", false), ("font", Obj(("color", ChosenColor))))];
        }

        return Chart(traces, title, Obj(("xaxis", Axis("Number of segments k", ("dtick", 1))), ("yaxis", Axis(yTitle)), ("shapes", shapes), ("annotations", annotations), ("showlegend", false)));
    }
}
