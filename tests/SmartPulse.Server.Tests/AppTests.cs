using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Export;
using SmartPulse.Analysis.Samples;
using SmartPulse.Analysis.Segmentation;

namespace SmartPulse.Server.Tests;

/// <summary>The web app over HTTP: upload, segment, results, downloads, cancellation, escaping and temp-file hygiene.</summary>
[Collection("server")]
public sealed partial class AppTests(ServerFixture fixture)
{
    [Fact]
    public async Task Uploaded_mall_segmented_like_the_cli_gives_the_same_numbers_and_the_same_csv_bytes()
    {
        using var client = fixture.Client();
        var dataset = await Upload(client, await File.ReadAllBytesAsync(Datasets.Mall.Path), "Mall_Customers.csv");
        var page = await client.GetStringAsync(dataset);
        Assert.Contains("Annual Income (k$)", page);
        Assert.Contains("<svg class=\"hist\"", page);

        var job = await Segment(client, dataset, ServerFixture.MallFeatures, k: "5", scale: "none");
        var html = await WaitForResults(client, job);
        Assert.Equal("0.554", Metric(html, "silhouette"));
        Assert.Equal("44448.46", Metric(html, "inertia"));
        var run = fixture.MallRun; // what 'smartpulse segment ... --k 5 --scale none' computes
        Assert.Equal(run.Scores.CalinskiHarabasz!.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), Metric(html, "calinski-harabasz"));
        Assert.Equal(run.Scores.DaviesBouldin!.Value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), Metric(html, "davies-bouldin"));
        Assert.Equal([81, 39, 35, 23, 22], SegmentSizes(html).OrderDescending());

        // The download is byte for byte what 'segment --out' writes for the same inputs and seed.
        var csv = await client.GetByteArrayAsync(job + "/segments.csv");
        var expected = CsvExport.ToCsv(SegmentTable.Build(fixture.Mall, run.Prepared, run.Result.Labels, run.Model.Metadata.ModelFeatures));
        Assert.Equal(expected, Encoding.UTF8.GetString(csv));

        // The model zip scores the training data exactly as the fit did, with the same names.
        using var zip = new MemoryStream(await client.GetByteArrayAsync(job + "/model.zip"));
        var model = SegmentationModel.Load(zip);
        Assert.Equal(run.Result.Labels, model.Score(fixture.Mall).Segments);
        Assert.Equal(run.Model.Metadata.SegmentNames, model.Metadata.SegmentNames);
    }

    [Fact]
    public async Task Bundled_dataset_with_auto_k_shows_the_sweep_and_the_chosen_k()
    {
        using var client = fixture.Client();
        var token = await CsrfToken(client);
        var response = await client.PostAsync("/app/bundled", Form(("dataset", "Mall_Customers.csv"), ("_csrf", token)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var dataset = response.Headers.Location!.OriginalString;
        var job = await Segment(client, dataset, ["Age", "Annual Income (k$)", "Spending Score (1-100)"], k: null, scale: "standard");
        var html = await WaitForResults(client, job);
        var expected = Segmenter.Fit(Datasets.Mall.Load(), new SegmentationOptions { Features = ["Age", "Annual Income (k$)", "Spending Score (1-100)"] });
        Assert.Contains($"k chosen automatically: <strong>{expected.Sweep!.RecommendedK}</strong>", html);
        Assert.Equal(expected.Scores.Silhouette!.Value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), Metric(html, "silhouette"));
        Assert.Equal(2 + 3 + 1, Regex.Matches(html, "class=\"chart\"").Count); // elbow, silhouette, 2-D, 3-D, PCA, sizes
    }

    [Fact]
    public async Task Data_text_is_escaped_and_uploads_leave_no_file_under_any_name()
    {
        using var client = fixture.Client();
        var evil = "<script>alert(1)</script>,=cmd|' /C calc'!A0,Score\n1,2,3\n4,5,6\n7,8,9\n10,2,1\n";
        var dataset = await Upload(client, Encoding.UTF8.GetBytes(evil), "../../<img src=x onerror=alert(2)>.csv");
        var page = await client.GetStringAsync(dataset);
        Assert.DoesNotContain("<script>alert(1)", page);
        Assert.DoesNotContain("<img src=x", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);
        Assert.Empty(Directory.EnumerateFiles(fixture.UploadTemp, "*", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(fixture.Folder, "<img src=x onerror=alert(2)>.csv")));

        var job = await Segment(client, dataset, ["<script>alert(1)</script>", "=cmd|' /C calc'!A0"], k: "2", scale: "none");
        await WaitForResults(client, job);
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync(job + "/segments.csv"));
        Assert.StartsWith("<script>alert(1)</script>,'=cmd|' /C calc'!A0,Score,", csv); // formula-safe header
    }

    [Fact]
    public async Task Bad_upload_and_bad_method_give_clear_messages()
    {
        using var client = fixture.Client();
        var token = await CsrfToken(client);
        var bad = await client.PostAsync("/app/upload", Multipart(token, Encoding.UTF8.GetBytes("a,b\n1,2\n"), "customers.xlsx"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, bad.StatusCode);
        Assert.Contains("is not a CSV, TSV or Parquet file", await bad.Content.ReadAsStringAsync());

        var dataset = await Upload(client, await File.ReadAllBytesAsync(Datasets.Mall.Path), "mall.csv");
        var none = await client.PostAsync(dataset + "/segment", Form(("_csrf", token), ("k", "5")));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Tick at least one numeric feature", await none.Content.ReadAsStringAsync());
        var text = await client.PostAsync(dataset + "/segment", Form(("_csrf", token), ("features", "Genre"), ("k", "3")));
        var job = text.Headers.Location!.OriginalString;
        string html;
        do
        {
            await Task.Delay(100);
            html = await client.GetStringAsync(job);
        }
        while (html.Contains("Segmenting"));
        Assert.Contains("holds text", html);
    }

    [Fact]
    public async Task Oversize_upload_is_refused_and_nothing_is_left_behind()
    {
        var temp = Path.Combine(fixture.Folder, "small-uploads");
        Directory.CreateDirectory(temp);
        await using var server = await ServerFixture.Start(new ServerOptions { Port = 0, MaxUploadBytes = 4096, TempDirectory = temp });
        using var client = fixture.Client(server);
        var token = await CsrfToken(client);
        var response = await client.PostAsync("/app/upload", Multipart(token, await File.ReadAllBytesAsync(Datasets.Mall.Path), "mall.csv"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("upload limit", await response.Content.ReadAsStringAsync());
        Assert.Empty(Directory.EnumerateFiles(temp, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Long_work_shows_progress_and_can_be_cancelled()
    {
        using var client = fixture.Client();
        var token = await CsrfToken(client);
        var response = await client.PostAsync("/app/bundled", Form(("dataset", "marketing_campaign.csv"), ("_csrf", token)));
        var dataset = response.Headers.Location!.OriginalString;
        var start = await client.PostAsync(dataset + "/segment", Form(("_csrf", token), ("features", "Income"), ("features", "MntWines"), ("features", "Recency"), ("algorithm", "autoencoder"), ("auto", "1")));
        var job = start.Headers.Location!.OriginalString;
        var progress = await client.GetStringAsync(job);
        Assert.Contains("<progress", progress);
        Assert.Contains("id=\"cancel\"", progress);
        var cancel = await client.PostAsync(job + "/cancel", Form(("_csrf", token)));
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        string state;
        do
        {
            await Task.Delay(100);
            state = JsonDocument.Parse(await client.GetStringAsync(job + "/status")).RootElement.GetProperty("state").GetString()!;
        }
        while (state is "queued" or "running");
        Assert.Equal("cancelled", state);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(job + "/segments.csv")).StatusCode);
    }

    [Fact]
    public async Task Datasets_and_jobs_are_private_to_their_session()
    {
        using var owner = fixture.Client();
        var dataset = await Upload(owner, await File.ReadAllBytesAsync(Datasets.Mall.Path), "mall.csv");
        using var stranger = fixture.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(dataset)).StatusCode);
    }

    internal static async Task<string> CsrfToken(HttpClient client)
    {
        var html = await client.GetStringAsync("/");
        return CsrfPattern().Match(html).Groups[1].Value;
    }

    internal static async Task<string> Upload(HttpClient client, byte[] content, string fileName)
    {
        var token = await CsrfToken(client);
        var response = await client.PostAsync("/app/upload", Multipart(token, content, fileName));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private static MultipartFormDataContent Multipart(string token, byte[] content, string fileName)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { new StringContent(token), "_csrf" }, { file, "file", fileName } };
    }

    internal static async Task<string> Segment(HttpClient client, string dataset, string[] features, string? k, string scale)
    {
        var html = await client.GetStringAsync(dataset);
        var token = CsrfPattern().Match(html).Groups[1].Value;
        var fields = new List<(string, string)> { ("_csrf", token), ("scale", scale), ("algorithm", "kmeans"), ("seed", "0") };
        fields.AddRange(features.Select(f => ("features", f)));
        fields.Add(k is null ? ("auto", "1") : ("k", k));
        var response = await client.PostAsync(dataset + "/segment", Form([.. fields]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    internal static async Task<string> WaitForResults(HttpClient client, string job)
    {
        for (var i = 0; i < 1200; i++)
        {
            var html = await client.GetStringAsync(job);
            if (html.Contains("id=\"metrics\""))
            {
                return html;
            }

            Assert.DoesNotContain("Segmentation failed", html);
            await Task.Delay(100);
        }

        throw new TimeoutException("The job did not finish in 120 s.");
    }

    internal static string Metric(string html, string key) => Regex.Match(html, $"id=\"metric-{key}\">([^<]*)<").Groups[1].Value;

    internal static int[] SegmentSizes(string html) => Regex.Matches(html, "class=\"segment\" data-segment=\"-?\\d+\" data-size=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value)).ToArray();

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [GeneratedRegex("name=\"_csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfPattern();
}
