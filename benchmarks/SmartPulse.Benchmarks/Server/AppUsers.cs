using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Export;
using SmartPulse.Analysis.Samples;
using SmartPulse.Analysis.Segmentation;

namespace SmartPulse.Benchmarks.Server;

/// <summary>
/// Browser-like app users, each with its own cookies: upload the SmartCart file (marketing_campaign.csv), segment on
/// Income, MntWines, MntMeatProducts and Recency with k chosen automatically, wait for the results, download the CSV;
/// every answer is checked against <see cref="Segmenter"/> run directly on the same file.
/// </summary>
internal static partial class AppUsers
{
    private static readonly string[] Features = ["Income", "MntWines", "MntMeatProducts", "Recency"];

    public static async Task<AppResult> RunAsync(Uri address, int users, TimeSpan budget)
    {
        var path = Datasets.MarketingCampaign.Path;
        var frame = CsvLoader.Load(path);
        var expected = Segmenter.Fit(frame, new SegmentationOptions { Features = Features, Seed = 0 });
        var expectedCsv = CsvExport.ToCsv(SegmentTable.Build(frame, expected.Prepared, expected.Result.Labels, expected.Model.Metadata.ModelFeatures));
        var expectedSilhouette = expected.Scores.Silhouette!.Value.ToString("0.000", CultureInfo.InvariantCulture);
        var bytes = await File.ReadAllBytesAsync(path);
        var failures = new List<string>();
        using var cts = new CancellationTokenSource(budget);
        var wall = Stopwatch.StartNew();
        var times = await Task.WhenAll(Enumerable.Range(0, users).Select(u => Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            try
            {
                var problem = await OneUserAsync(address, bytes, expectedSilhouette, expectedCsv, cts.Token);
                if (problem is not null)
                {
                    lock (failures)
                    {
                        failures.Add($"user {u}: {problem}");
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                lock (failures)
                {
                    failures.Add($"user {u}: {ex.GetType().Name}: {ex.Message}");
                }
            }

            return clock.Elapsed.TotalSeconds;
        })));
        var sorted = times.Order().ToArray();
        return new AppResult(sorted[sorted.Length / 2], sorted[^1], wall.Elapsed.TotalSeconds, failures);
    }

    private static async Task<string?> OneUserAsync(Uri address, byte[] file, string silhouette, string expectedCsv, CancellationToken token)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
        var csrf = Csrf().Match(await http.GetStringAsync("/", token)).Groups[1].Value;
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/tab-separated-values");
        using var upload = await http.PostAsync("/app/upload", new MultipartFormDataContent { { new StringContent(csrf), "_csrf" }, { content, "file", "marketing_campaign.csv" } }, token);
        if (upload.StatusCode != HttpStatusCode.Redirect)
        {
            return $"upload answered {(int)upload.StatusCode}";
        }

        var dataset = upload.Headers.Location!.OriginalString;
        var fields = new List<KeyValuePair<string, string>> { new("_csrf", csrf), new("scale", "standard"), new("algorithm", "kmeans"), new("auto", "1"), new("seed", "0") };
        fields.AddRange(Features.Select(f => new KeyValuePair<string, string>("features", f)));
        using var start = await http.PostAsync(dataset + "/segment", new FormUrlEncodedContent(fields), token);
        if (start.StatusCode != HttpStatusCode.Redirect)
        {
            return $"segment answered {(int)start.StatusCode}";
        }

        var job = start.Headers.Location!.OriginalString;
        string state;
        do
        {
            await Task.Delay(250, token);
            state = JsonDocument.Parse(await http.GetStringAsync(job + "/status", token)).RootElement.GetProperty("state").GetString()!;
        }
        while (state is "queued" or "running");
        if (state != "done")
        {
            return $"job ended {state}";
        }

        var html = await http.GetStringAsync(job, token);
        var shown = Regex.Match(html, "id=\"metric-silhouette\">([^<]*)<").Groups[1].Value;
        if (shown != silhouette)
        {
            return $"silhouette {shown}, expected {silhouette}";
        }

        var csv = await http.GetStringAsync(job + "/segments.csv", token);
        return csv == expectedCsv ? null : "segmented CSV differs from the library's";
    }

    [GeneratedRegex("name=\"_csrf\" value=\"([^\"]+)\"")]
    private static partial Regex Csrf();
}

/// <summary>The app users' figures.</summary>
internal sealed record AppResult(double Median, double Max, double Wall, IReadOnlyList<string> Failures);
