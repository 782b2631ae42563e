using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Analysis;

namespace SmartPulse.Benchmarks.Server;

/// <summary>Scoring clients: valid requests whose every answer is checked, plus one client sending malformed requests.</summary>
internal sealed class ScoringWorkload
{
    private const string Income = "Annual Income (k$)";
    private const string Score = "Spending Score (1-100)";
    private readonly Uri _address;
    private readonly string[] _singleBodies;
    private readonly int[] _labels;
    private readonly string _batchBody;
    private readonly int[] _batchLabels;
    private readonly (string Body, string ContentType, HttpStatusCode Status)[] _malformed;

    public ScoringWorkload(Uri address, DataFrame mall, IReadOnlyList<int> labels)
    {
        _address = address;
        var income = mall[Income];
        var score = mall[Score];
        _labels = [.. labels];
        string Row(int i) => $"{{\"{Income}\":{Convert.ToDouble(income[i], System.Globalization.CultureInfo.InvariantCulture)},\"{Score}\":{Convert.ToDouble(score[i], System.Globalization.CultureInfo.InvariantCulture)}}}";
        _singleBodies = Enumerable.Range(0, labels.Count).Select(i => $"{{\"model\":\"mall\",\"rows\":[{Row(i)}]}}").ToArray();
        var batch = Enumerable.Range(0, 1000).Select(i => i % labels.Count).ToArray();
        _batchBody = "{\"model\":\"mall\",\"rows\":[" + string.Join(",", batch.Select(Row)) + "]}";
        _batchLabels = batch.Select(i => labels[i]).ToArray();
        _malformed =
        [
            ("{\"model\":\"mall\",\"rows\":[{\"" + Income + "\":15,", "application/json", HttpStatusCode.BadRequest),
            ("{\"model\":\"mall\",\"rows\":[{\"" + Income + "\":\"lots\",\"" + Score + "\":3}]}", "application/json", HttpStatusCode.BadRequest),
            ("{\"model\":\"nope\",\"rows\":[" + Row(0) + "]}", "application/json", HttpStatusCode.NotFound),
            ("{\"model\":\"mall\",\"rows\":[{\"Income\":1}]}", "application/json", HttpStatusCode.BadRequest),
            (Income + "," + Score + "\n1,x\n", "text/csv", HttpStatusCode.BadRequest),
            ("<rows/>", "application/xml", HttpStatusCode.UnsupportedMediaType),
            ("{\"model\":\"mall\",\"rows\":[" + string.Join(",", Enumerable.Repeat(Row(0), 40_000)) + "]}", "application/json", HttpStatusCode.RequestEntityTooLarge),
        ];
    }

    /// <summary>Malformed requests that did not get the expected problem (index: what came back).</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> MalformedFailures { get; } = [];

    public async Task<PhaseResult> RunPhaseAsync(int rows, int clients, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients + 2, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = _address, Timeout = TimeSpan.FromSeconds(30) };
        var stop = DateTime.UtcNow + duration;
        var latencies = new List<double>[clients];
        var wrong = 0;
        var lost = 0;
        var workers = Enumerable.Range(0, clients).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(4096);
            var i = w;
            while (DateTime.UtcNow < stop)
            {
                var index = i++ % _singleBodies.Length;
                var body = rows == 1 ? _singleBodies[index] : _batchBody;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsync("/api/score", new StringContent(body, Encoding.UTF8, "application/json"));
                    var bytes = await response.Content.ReadAsByteArrayAsync();
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.StatusCode != HttpStatusCode.OK || !Correct(bytes, rows == 1 ? [_labels[index]] : _batchLabels))
                    {
                        Interlocked.Increment(ref wrong);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    Interlocked.Increment(ref lost);
                }
            }
        })).ToList();
        var malformedSent = 0;
        var malformedOk = 0;

        // The malformed requests come from another client (its own connections), as they would in real life.
        using var chaosHttp = new HttpClient { BaseAddress = _address, Timeout = TimeSpan.FromSeconds(30) };
        var chaos = Task.Run(async () =>
        {
            var j = 0;
            while (DateTime.UtcNow < stop)
            {
                var (body, type, status) = _malformed[j++ % _malformed.Length];
                malformedSent++;
                try
                {
                    // Expect: 100-continue, as clients sending large bodies do: the server can refuse before the upload.
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/score") { Content = new StringContent(body, Encoding.UTF8, type) };
                    request.Headers.ExpectContinue = body.Length > 64 * 1024;
                    using var response = await chaosHttp.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode == status && response.Content.Headers.ContentType?.MediaType == "application/problem+json" && text.Contains("\"detail\"", StringComparison.Ordinal))
                    {
                        malformedOk++;
                    }
                    else
                    {
                        MalformedFailures.Add($"#{(j - 1) % _malformed.Length}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
                    }
                }
                catch (HttpRequestException ex)
                {
                    // A refused oversize body may close the connection: counted as not ok.
                    MalformedFailures.Add($"#{(j - 1) % _malformed.Length}: {ex.Message}");
                }

                await Task.Delay(5);
            }
        });
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(workers);
        await chaos;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new PhaseResult(all.Length, clock.Elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), all.Length == 0 ? 0 : all[^1], wrong, lost, malformedSent, malformedOk);
    }

    private static bool Correct(byte[] json, int[] expected)
    {
        using var doc = JsonDocument.Parse(json);
        var rows = doc.RootElement.GetProperty("rows");
        if (rows.GetArrayLength() != expected.Length)
        {
            return false;
        }

        var i = 0;
        foreach (var row in rows.EnumerateArray())
        {
            if (row.GetProperty("row").GetInt32() != i || row.GetProperty("segment").GetInt32() != expected[i] || row.GetProperty("distances").GetArrayLength() != 5)
            {
                return false;
            }

            i++;
        }

        return true;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[(int)Math.Round(p * (sorted.Length - 1))];
}

/// <summary>One load phase's figures.</summary>
internal sealed record PhaseResult(int Requests, double Seconds, double P50, double P99, double Max, int Wrong, int Lost, int MalformedSent, int MalformedOk);
