using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Samples;

namespace SmartPulse.Server.Tests;

/// <summary>The scoring API on a real Kestrel: every endpoint and the answers it must give, checked against the library.</summary>
[Collection("server")]
public sealed class ApiTests(ServerFixture fixture)
{
    private static readonly string IncomeKey = ServerFixture.MallFeatures[0];
    private static readonly string ScoreKey = ServerFixture.MallFeatures[1];

    [Fact]
    public async Task Healthz_answers_ok_with_the_model_count()
    {
        using var client = fixture.Client();
        var json = await client.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("ok", json.GetProperty("status").GetString());
        Assert.Equal(1, json.GetProperty("models").GetInt32());
    }

    [Fact]
    public async Task Models_lists_the_loaded_model_and_describes_it_in_original_units()
    {
        using var client = fixture.Client();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/models");
        var entry = Assert.Single(list.EnumerateArray());
        Assert.Equal("mall", entry.GetProperty("name").GetString());
        Assert.Equal(5, entry.GetProperty("k").GetInt32());

        var detail = await client.GetFromJsonAsync<JsonElement>("/api/models/mall");
        Assert.Equal(ServerFixture.MallFeatures, detail.GetProperty("features").EnumerateArray().Select(f => f.GetString()).ToArray());
        var segments = detail.GetProperty("segments").EnumerateArray().ToArray();
        Assert.Equal(5, segments.Length);
        for (var s = 0; s < 5; s++)
        {
            // The centroids the CLI prints (Segmenter's original-unit centroids), to the last bit.
            Assert.Equal(fixture.MallRun.OriginalCentroids[s][0], segments[s].GetProperty("centroid").GetProperty(IncomeKey).GetDouble());
            Assert.Equal(fixture.MallRun.OriginalCentroids[s][1], segments[s].GetProperty("centroid").GetProperty(ScoreKey).GetDouble());
            Assert.Equal(fixture.MallRun.Result.Sizes[s], segments[s].GetProperty("size").GetInt32());
            Assert.Equal(fixture.MallRun.Model.Metadata.SegmentNames![s], segments[s].GetProperty("name").GetString());
        }

        // Hand-checked: the published Mall optimum (notebook 01) has inertia 44448.46 and silhouette 0.554.
        Assert.Equal(44448.46, detail.GetProperty("trainingMetrics").GetProperty("inertia").GetDouble(), 2);
        Assert.Equal(0.554, detail.GetProperty("trainingMetrics").GetProperty("silhouette").GetDouble(), 3);
    }

    [Fact]
    public async Task Unknown_model_is_a_404_problem_naming_it()
    {
        using var client = fixture.Client();
        var response = await client.GetAsync("/api/models/nope");
        var problem = await Problem(response, HttpStatusCode.NotFound);
        Assert.Equal("nope", problem.GetProperty("value").GetString());
        Assert.Contains("mall", problem.GetProperty("detail").GetString());

        var score = await client.PostAsync("/api/score?model=nope", Json(new { rows = new[] { Row(15, 39) } }));
        var p2 = await Problem(score, HttpStatusCode.NotFound);
        Assert.Equal("model", p2.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Single_json_row_gets_the_segment_name_and_distances_of_the_cli_model()
    {
        using var client = fixture.Client();
        var response = await client.PostAsync("/api/score", Json(new { model = "mall", rows = new[] { Row(15, 39) } }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows")[0];

        // Hand check: (15, 39) is nearest to the low-income, low-spending centroid (26.30, 20.91).
        var centroids = fixture.MallRun.OriginalCentroids;
        var expected = Enumerable.Range(0, 5).Select(c => Math.Sqrt(Math.Pow(15 - centroids[c][0], 2) + Math.Pow(39 - centroids[c][1], 2))).ToArray();
        var segment = row.GetProperty("segment").GetInt32();
        Assert.Equal(Array.IndexOf(expected, expected.Min()), segment);
        Assert.Equal(26.30, centroids[segment][0], 2);
        Assert.Equal(fixture.MallRun.Model.Metadata.NameOf(segment), row.GetProperty("name").GetString());
        var distances = row.GetProperty("distances").EnumerateArray().Select(d => d.GetDouble()).ToArray();
        for (var c = 0; c < 5; c++)
        {
            Assert.Equal(expected[c], distances[c], 9);
        }
    }

    [Fact]
    public async Task Csv_batch_labels_every_row_as_the_fit_did()
    {
        using var client = fixture.Client();
        var csv = await File.ReadAllTextAsync(Datasets.Mall.Path);
        var response = await client.PostAsync("/api/score?model=mall", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(200, rows.Length);
        Assert.Equal(fixture.MallRun.Result.Labels, rows.Select(r => r.GetProperty("segment").GetInt32()).ToArray());
        Assert.Equal(Enumerable.Range(0, 200), rows.Select(r => r.GetProperty("row").GetInt32()));
    }

    [Fact]
    public async Task Bare_array_with_query_model_and_numeric_strings_are_accepted()
    {
        using var client = fixture.Client();
        var body = $"[{{\"{IncomeKey}\": \"120\", \"{ScoreKey}\": 90, \"CustomerID\": \"x\"}}]";
        var response = await client.PostAsync("/api/score?model=mall", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows")[0];
        Assert.Equal("High income · High spending", row.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Text_in_a_number_names_field_row_and_value()
    {
        using var client = fixture.Client();
        var rows = new object[] { Row(15, 39), new Dictionary<string, object> { [IncomeKey] = "lots", [ScoreKey] = 3 } };
        var problem = await Problem(await client.PostAsync("/api/score", Json(new { rows })), HttpStatusCode.BadRequest);
        Assert.Equal(IncomeKey, problem.GetProperty("field").GetString());
        Assert.Equal(1, problem.GetProperty("row").GetInt32());
        Assert.Equal("lots", problem.GetProperty("value").GetString());

        var csv = $"\"{IncomeKey}\",\"{ScoreKey}\"\n15,39\n16,forty\n";
        var p2 = await Problem(await client.PostAsync("/api/score", new StringContent(csv, Encoding.UTF8, "text/csv")), HttpStatusCode.BadRequest);
        Assert.Equal(ScoreKey, p2.GetProperty("field").GetString());
        Assert.Equal(1, p2.GetProperty("row").GetInt32());
        Assert.Equal("forty", p2.GetProperty("value").GetString());
        Assert.Contains("line 3", p2.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Wrong_columns_are_named_with_what_was_sent()
    {
        using var client = fixture.Client();
        var rows = new[] { new Dictionary<string, object> { ["Income"] = 15, [ScoreKey] = 39 } };
        var problem = await Problem(await client.PostAsync("/api/score", Json(new { rows })), HttpStatusCode.BadRequest);
        Assert.Equal(IncomeKey, problem.GetProperty("field").GetString());
        Assert.Equal(0, problem.GetProperty("row").GetInt32());
        Assert.Contains("'Income'", problem.GetProperty("detail").GetString());

        var p2 = await Problem(await client.PostAsync("/api/score", new StringContent("Age,Income\n1,2\n", Encoding.UTF8, "text/csv")), HttpStatusCode.BadRequest);
        Assert.Equal(IncomeKey, p2.GetProperty("field").GetString());
        Assert.Contains("'Age'", p2.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Missing_values_malformed_json_empty_rows_and_wrong_media_type_are_problems()
    {
        using var client = fixture.Client();
        // A missing value gets the training median (61.5 for Mall income), as 'smartpulse score' fills it.
        var nullRow = new[] { new Dictionary<string, object?> { [IncomeKey] = null, [ScoreKey] = 39 } };
        var filled = await client.PostAsync("/api/score", Json(new { rows = nullRow }));
        Assert.Equal(HttpStatusCode.OK, filled.StatusCode);
        var answer = await filled.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("training median 61.5", answer.GetProperty("warnings")[0].GetString());
        var median = await client.PostAsync("/api/score", Json(new { rows = new[] { Row(61.5, 39) } }));
        Assert.Equal(
            (await median.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows")[0].GetProperty("segment").GetInt32(),
            answer.GetProperty("rows")[0].GetProperty("segment").GetInt32());

        await Problem(await client.PostAsync("/api/score", new StringContent("{\"rows\": [", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        var p3 = await Problem(await client.PostAsync("/api/score", Json(new { rows = Array.Empty<object>() })), HttpStatusCode.BadRequest);
        Assert.Equal("rows", p3.GetProperty("field").GetString());
        var p4 = await Problem(await client.PostAsync("/api/score", new StringContent("<x/>", Encoding.UTF8, "application/xml")), HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("text/csv", p4.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Missing_value_for_a_model_without_training_medians_names_field_and_row()
    {
        var run = fixture.MallRun;
        var old = new Analysis.Segmentation.SegmentationModel(run.Model.Pipeline, run.Model.Assigner, run.Model.Metadata with { TrainingMedians = null });
        var path = Path.Combine(fixture.Folder, "old-mall.zip");
        old.Save(path);
        await using var server = await ServerFixture.Start(new ServerOptions { Port = 0, Models = [path] });
        using var client = fixture.Client(server);
        var rows = new[] { Row(15, 39), new Dictionary<string, object> { [ScoreKey] = 39 } };
        var absent = await Problem(await client.PostAsync("/api/score", Json(new { rows })), HttpStatusCode.BadRequest);
        Assert.Equal(IncomeKey, absent.GetProperty("field").GetString());
        Assert.Equal(1, absent.GetProperty("row").GetInt32());
        var nullRow = new[] { new Dictionary<string, object?> { [IncomeKey] = null, [ScoreKey] = 39 } };
        var missing = await Problem(await client.PostAsync("/api/score", Json(new { rows = nullRow })), HttpStatusCode.BadRequest);
        Assert.Equal("null", missing.GetProperty("value").GetString());
        Assert.Equal(0, missing.GetProperty("row").GetInt32());
    }

    [Fact]
    public async Task OpenApi_document_describes_the_scoring_endpoints()
    {
        using var client = fixture.Client();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/score", "/api/models", "/api/models/{name}", "/healthz" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path + " missing from the OpenAPI document");
        }

        Assert.True(paths.GetProperty("/api/score").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("text/csv", out _));
    }

    internal static Dictionary<string, object> Row(double income, double score) => new() { [IncomeKey] = income, [ScoreKey] = score };

    internal static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    internal static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        return problem;
    }
}
