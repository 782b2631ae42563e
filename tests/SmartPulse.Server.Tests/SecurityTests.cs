using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Samples;

namespace SmartPulse.Server.Tests;

/// <summary>API-key and login rules, limits and headers, each on its own real server.</summary>
[Collection("server")]
public sealed class SecurityTests(ServerFixture fixture)
{
    private const string Key = "0123456789abcdef-test-key";

    [Fact]
    public async Task Api_key_is_required_on_the_api_when_configured_and_health_stays_open()
    {
        await using var server = await ServerFixture.Start(new ServerOptions { Port = 0, ApiKey = Key, Models = [fixture.ModelPath] });
        using var client = fixture.Client(server);
        var missing = await ApiTests.Problem(await client.GetAsync("/api/models"), HttpStatusCode.Unauthorized);
        Assert.Contains("X-API-Key", missing.GetProperty("detail").GetString());

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/models");
        wrong.Headers.Add("X-API-Key", Key + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);

        using var right = new HttpRequestMessage(HttpMethod.Get, "/api/models");
        right.Headers.Add("X-API-Key", Key);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(right)).StatusCode);

        using var bearer = new HttpRequestMessage(HttpMethod.Post, "/api/score") { Content = ApiTests.Json(new { rows = new[] { ApiTests.Row(15, 39) } }) };
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(bearer)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Non_loopback_host_without_an_api_key_refuses_to_start()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => ServerFixture.Start(new ServerOptions { Host = "0.0.0.0", Port = 0 }));
        Assert.Contains("--api-key", ex.Message);
        Assert.Contains(ServerOptions.ApiKeyVariable, ex.Message);
        var shortKey = await Assert.ThrowsAsync<ArgumentException>(() => ServerFixture.Start(new ServerOptions { Host = "0.0.0.0", Port = 0, ApiKey = "short" }));
        Assert.Contains("16", shortKey.Message);
    }

    [Fact]
    public async Task Non_loopback_host_gets_a_login_token_and_the_app_needs_it()
    {
        // 0.0.0.0 listens on every interface; the test talks to it through loopback.
        await using var server = await ServerFixture.Start(new ServerOptions { Host = "0.0.0.0", Port = 0, ApiKey = Key });
        Assert.NotNull(server.Options.LoginToken);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{server.Address.Port}/"),
        };
        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/login?token=wrong")).StatusCode);
        var login = await client.GetAsync("/login?token=" + Uri.EscapeDataString(server.Options.LoginToken!) + "&next=//evil.example/");
        Assert.Equal("/", login.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Oversize_scoring_body_is_a_413_problem()
    {
        await using var server = await ServerFixture.Start(new ServerOptions { Port = 0, Models = [fixture.ModelPath], MaxApiBodyBytes = 2048 });
        using var client = fixture.Client(server);
        var csv = await File.ReadAllTextAsync(Datasets.Mall.Path);
        // Expect: 100-continue lets the server refuse by Content-Length before the body is sent (without it the
        // client may still be writing when the refusal closes the connection, and never read the answer).
        using var declared = new HttpRequestMessage(HttpMethod.Post, "/api/score") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        declared.Headers.ExpectContinue = true;
        var problem = await ApiTests.Problem(await client.SendAsync(declared), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("2048", problem.GetProperty("detail").GetString());

        // Without a Content-Length the limit still holds while streaming.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/score") { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(csv))) };
        request.Headers.TransferEncodingChunked = true;
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var streamed = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
    }

    [Fact]
    public async Task Rate_limit_answers_429_with_retry_after()
    {
        await using var server = await ServerFixture.Start(new ServerOptions { Port = 0, Models = [fixture.ModelPath], RateLimitPerMinute = 3 });
        using var client = fixture.Client(server);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/models")).StatusCode);
        }

        var limited = await client.GetAsync("/api/models");
        await ApiTests.Problem(limited, HttpStatusCode.TooManyRequests);
        Assert.Equal("60", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_and_a_csp_without_remote_origins()
    {
        using var client = fixture.Client();
        foreach (var path in new[] { "/", "/api/models", "/healthz", "/assets/app.js", "/app/datasets/nope" })
        {
            var response = await client.GetAsync(path);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("http", csp);
            Assert.DoesNotContain("*", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }
    }

    [Fact]
    public async Task Forms_without_the_session_token_or_from_another_origin_are_refused()
    {
        using var client = fixture.Client();
        await client.GetAsync("/");
        var noToken = await client.PostAsync("/app/bundled", new FormUrlEncodedContent(new Dictionary<string, string> { ["dataset"] = "Mall_Customers.csv" }));
        Assert.Equal(HttpStatusCode.Forbidden, noToken.StatusCode);

        var token = await AppTests.CsrfToken(client);
        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/app/bundled")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["dataset"] = "Mall_Customers.csv", ["_csrf"] = token }),
        };
        foreign.Headers.Add("Origin", "http://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(foreign)).StatusCode);

        // Another browser (no session cookie) cannot reuse this session's token.
        using var other = fixture.Client();
        var stolen = await other.PostAsync("/app/bundled", new FormUrlEncodedContent(new Dictionary<string, string> { ["dataset"] = "Mall_Customers.csv", ["_csrf"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, stolen.StatusCode);
    }
}
