using System.Text;
using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Export;
using SmartPulse.Analysis.Insights;
using SmartPulse.Analysis.Samples;
using SmartPulse.Analysis.Preparation;
using SmartPulse.Analysis.Segmentation;
using SmartPulse.Display.Charts;

namespace SmartPulse.Server.App;

/// <summary>
/// Runs the app's segmentations in the background, a bounded number at a time, with progress and cancellation, and
/// keeps a bounded number of finished jobs. The numbers come from <see cref="Segmenter"/>, the same call as the CLI.
/// </summary>
internal sealed class JobRunner(ServerOptions options) : IDisposable
{
    private readonly BoundedStore<SegmentJob> _jobs = new(options.MaxJobs, j => !j.IsActive);
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrentJobs);

    /// <summary>Starts a job and returns it at once.</summary>
    public SegmentJob Start(string owner, StoredDataset dataset, SegmentationOptions segmentation)
    {
        var job = new SegmentJob(Hosting.Secrets.NewId(), owner, dataset, segmentation);
        foreach (var old in _jobs.Add(job.Id, job))
        {
            old.Cancellation.Dispose();
        }

        _ = Task.Run(() => RunAsync(job));
        return job;
    }

    /// <summary>The job with <paramref name="id"/> owned by <paramref name="owner"/>, or null.</summary>
    public SegmentJob? Find(string id, string owner) => _jobs.Get(id) is { } job && job.Owner == owner ? job : null;

    /// <summary>Jobs still queued or running.</summary>
    public int ActiveCount => _jobs.Values().Count(j => j.IsActive);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var job in _jobs.Values())
        {
            if (job.IsActive)
            {
                job.Cancellation.Cancel();
            }
        }

        _slots.Dispose();
    }

    private async Task RunAsync(SegmentJob job)
    {
        var token = job.Cancellation.Token;
        try
        {
            job.Report("Waiting for a free worker");
            await _slots.WaitAsync(token);
            try
            {
                job.State = JobState.Running;
                job.Result = Build(job, token);
                job.State = JobState.Done;
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException)
        {
            job.State = JobState.Cancelled;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            job.Error = ex.Message;
            job.State = JobState.Failed;
        }
    }

    private static AppReport Build(SegmentJob job, CancellationToken token)
    {
        var frame = job.Dataset.Loaded.Frame;
        var run = Segmenter.Fit(frame, job.Options, job, token);
        token.ThrowIfCancellationRequested();
        job.Report("Profiling, naming and describing the segments");
        var labels = run.Result.Labels;
        var insights = SegmentInsights.Analyze(frame, labels, run.Scores.Silhouette, new ProfileOptions { Dataset = job.Dataset.Dataset }, SampleNaming.For(job.Dataset.Dataset));
        token.ThrowIfCancellationRequested();
        job.Report("Drawing the charts");
        var charts = Charts(frame, run, insights, job.Options.Features, job.Dataset.Dataset);
        token.ThrowIfCancellationRequested();
        job.Report("Preparing the downloads");
        var csv = Encoding.UTF8.GetBytes(CsvExport.ToCsv(SegmentTable.Build(frame, run.Prepared, labels, run.Model.Metadata.ModelFeatures)));
        using var zip = new MemoryStream();
        run.Model.Save(zip);
        return new AppReport(run, insights, charts, csv, zip.ToArray());
    }

    private static List<SmartChart> Charts(DataFrame frame, SegmentationRun run, SegmentInsightReport insights, IReadOnlyList<string> features, Analysis.Data.DatasetDescriptor? dataset)
    {
        var palette = new SegmentPalette(insights.NameMap);
        var labels = run.Result.Labels;
        var charts = new List<SmartChart>();
        if (run.Sweep is { } sweep)
        {
            charts.Add(ClusterCharts.Elbow(sweep, run.Result.ClusterCount));
            charts.Add(ClusterCharts.SilhouetteByK(sweep, run.Result.ClusterCount));
        }

        // Rows with a missing plotted value are left out of the scatters (they were imputed for clustering).
        var complete = CompleteRows(frame, run.Prepared.SourceRows, features.Take(3).ToArray());
        var sub = labels.Where((_, i) => complete[i]).ToArray();
        var rows = run.Prepared.SourceRows.Where((_, i) => complete[i]).ToArray();
        double[] Values(string f)
        {
            var column = Analysis.Data.FrameColumns.Numeric(frame[f]);
            return rows.Select(r => column[r]!.Value).ToArray();
        }

        string Title(string f) => dataset?.Columns.FirstOrDefault(c => c.Name == f)?.Label ?? f;
        if (features.Count >= 2)
        {
            var centroids = run.OriginalCentroids.Select(c => (IReadOnlyList<double>)[c[0], c[1]]).ToArray();
            charts.Add(SegmentCharts.Scatter(Values(features[0]), Values(features[1]), sub, Title(features[0]), Title(features[1]), run.Model.Autoencoder is null ? centroids : null, palette));
        }
        else
        {
            charts.Add(SegmentCharts.Box(frame, features[0], labels, dataset, palette));
        }

        if (features.Count >= 3)
        {
            charts.Add(SegmentCharts.Scatter3D(Values(features[0]), Values(features[1]), Values(features[2]), sub, Title(features[0]), Title(features[1]), Title(features[2]), null, palette));
        }

        if (run.Features.Columns >= 2)
        {
            var pca = new Pca(Math.Min(3, run.Features.Columns)).Fit(run.Features);
            charts.Add(SegmentCharts.Projection(pca.Transform(run.Features), labels, pca.ExplainedVarianceRatio, 2, palette));
        }

        charts.Add(SegmentCharts.Sizes(labels, palette));
        return charts;
    }

    private static bool[] CompleteRows(DataFrame frame, IReadOnlyList<int> sourceRows, string[] features)
    {
        var columns = features.Select(f => Analysis.Data.FrameColumns.Numeric(frame[f])).ToArray();
        return sourceRows.Select(r => columns.All(c => c[r] is not null)).ToArray();
    }
}
