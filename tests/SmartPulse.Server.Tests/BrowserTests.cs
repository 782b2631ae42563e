using System.Globalization;
using Microsoft.Playwright;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Samples;

namespace SmartPulse.Server.Tests;

/// <summary>
/// The app in a real browser: Debian's chromium, headless, driven by Playwright with its executable path (no browser
/// download). Upload Mall_Customers.csv, choose Annual Income + Spending Score, no scaling, k = 5; read silhouette 0.554
/// and segment sizes 81/39/35/23/22; check the charts are drawn with no CSP violation; download the CSV and check it.
/// The screenshot is kept in artifacts/browser-screenshots/serve-mall-k5.png.
/// </summary>
[Collection("server")]
public sealed class BrowserTests(ServerFixture fixture)
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly string[] Flags =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    [ChromiumFact]
    public async Task Upload_mall_segment_k5_without_scaling_and_download_the_csv()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = Flags });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        var requests = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                problems.Add(m.Text);
            }
        };
        page.PageError += (_, e) => problems.Add(e);
        page.Request += (_, r) => requests.Add(r.Url);

        await page.GotoAsync(fixture.Server.Address.ToString());
        await page.SetInputFilesAsync("#file", Datasets.Mall.Path);
        await page.ClickAsync("#upload-form button[type=submit]");
        await page.WaitForSelectorAsync("table.features");
        Assert.Equal(4, await page.Locator("table.features svg.hist").CountAsync()); // CustomerID, Age, Income, Score (not Genre)

        await page.CheckAsync("input[data-column='Annual Income (k$)']");
        await page.CheckAsync("input[data-column='Spending Score (1-100)']");
        await page.SelectOptionAsync("#scale", "none");
        await page.SelectOptionAsync("#algorithm", "kmeans");
        await page.FillAsync("#k", "5");
        Assert.Equal("5", await page.TextContentAsync("#k-value"));
        await page.ClickAsync("#run");

        await page.WaitForSelectorAsync("#metric-silhouette", new PageWaitForSelectorOptions { Timeout = 120_000 });
        Assert.Equal("0.554", (await page.TextContentAsync("#metric-silhouette"))?.Trim());
        Assert.Equal("44448.46", (await page.TextContentAsync("#metric-inertia"))?.Trim());
        var sizes = await page.Locator("#segments tr.segment td.size").AllTextContentsAsync();
        Assert.Equal([81, 39, 35, 23, 22], sizes.Select(s => int.Parse(s, CultureInfo.InvariantCulture)).OrderDescending());
        var names = await page.Locator("#segments tr.segment td.name").AllTextContentsAsync();
        Assert.Contains("High income · High spending", names);
        Assert.False(string.IsNullOrWhiteSpace(await page.TextContentAsync("#narrative")));

        // Every chart drawn by the locally served plotly.js, under the CSP.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('div.chart').length > 0 && Array.from(document.querySelectorAll('div.chart')).every(d => d.querySelector('.main-svg'))", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        Assert.Equal(5, await page.EvaluateAsync<int>("() => Array.from(document.querySelectorAll('div.chart')).filter(d => d.querySelector('.main-svg')).length")); // elbow, silhouette, 2-D, PCA, sizes
        var screenshot = Path.Combine(ScreenshotDirectory(), "serve-mall-k5.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-csv"));
        var saved = Path.Combine(fixture.Folder, "browser-download.csv");
        await download.SaveAsAsync(saved);
        Assert.Equal("Mall_Customers_segments.csv", download.SuggestedFilename);
        var lines = await File.ReadAllLinesAsync(saved);
        Assert.Equal("CustomerID,Genre,Age,Annual Income (k$),Spending Score (1-100),model_Annual Income (k$),model_Spending Score (1-100),Segment", lines[0]);
        Assert.Equal(201, lines.Length);
        var segments = lines.Skip(1).Select(l => int.Parse(l[(l.LastIndexOf(',') + 1)..], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(fixture.MallRun.Result.Labels, segments);
        Assert.Equal([81, 39, 35, 23, 22], segments.GroupBy(s => s).Select(g => g.Count()).OrderDescending());

        Assert.Empty(problems);
        var origin = fixture.Server.Address.GetLeftPart(UriPartial.Authority);
        Assert.All(requests, r => Assert.StartsWith(origin, r));
        Assert.Contains(requests, r => r.EndsWith("/assets/plotly.min.js", StringComparison.Ordinal));
    }

    [ChromiumFact]
    public async Task Bundled_mall_on_three_features_with_auto_k_draws_the_sweep_3d_and_pca_charts()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = Flags });
        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                problems.Add(m.Text);
            }
        };
        page.PageError += (_, e) => problems.Add(e);
        await page.GotoAsync(fixture.Server.Address.ToString());
        await page.SelectOptionAsync("#dataset", "Mall_Customers.csv");
        await page.ClickAsync("form[action='/app/bundled'] button");
        await page.WaitForSelectorAsync("table.features");
        foreach (var column in new[] { "Age", "Annual Income (k$)", "Spending Score (1-100)" })
        {
            await page.CheckAsync($"input[data-column='{column}']");
        }

        await page.CheckAsync("#auto");
        Assert.Equal("auto", await page.TextContentAsync("#k-value"));
        await page.ClickAsync("#run");
        await page.WaitForSelectorAsync("#metric-silhouette", new PageWaitForSelectorOptions { Timeout = 120_000 });
        Assert.Contains("k chosen automatically", await page.ContentAsync());
        await page.WaitForFunctionAsync("() => Array.from(document.querySelectorAll('div.chart')).every(d => d.querySelector('.main-svg'))", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        Assert.Equal(6, await page.EvaluateAsync<int>("() => document.querySelectorAll('div.chart .main-svg').length > 0 ? document.querySelectorAll('div.chart').length : 0"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory(), "serve-mall-auto-3d.png"), FullPage = true });
        Assert.Empty(problems);
    }

    private static string ScreenshotDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SmartPulse.Notebooks.sln")))
            {
                return Directory.CreateDirectory(Path.Combine(dir.FullName, "artifacts", "browser-screenshots")).FullName;
            }
        }

        return Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "smartpulse-browser-screenshots")).FullName;
    }
}

/// <summary>A fact that needs Debian's chromium: skipped locally when it is missing, run (and failing) under CI=true.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(BrowserTests.Chromium) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "Debian's chromium is not installed (apt-get install chromium); CI installs it and runs this test.";
        }
    }
}
