using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SmartPulse.Display.Charts;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Report;
using SmartPulse.Testing;

namespace SmartPulse.Cli.Tests.Browser;

/// <summary>
/// Charts drawn in a real browser (Debian's chromium, headless): classic Jupyter Notebook with require.js (Run All on
/// 01-mall-kmeans), the nbconvert HTML export of that executed notebook, and every page of the HTML report that the
/// suite's one <c>smartpulse run notebooks --report</c> wrote. A chart
/// counts as drawn when its container holds plotly's <c>.main-svg</c>. Screenshots go to artifacts/browser-screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FrontEndChartTests
{
    private const string Notebook = "01-mall-kmeans.ipynb";
    private static readonly Regex _loaderMarker = new(Regex.Escape("/* plotly.js " + PlotlyJs.Version + " for this kernel session"));

    /// <summary>The number of chart outputs (figure JSON) a committed notebook holds.</summary>
    public static int ChartCount(Notebook notebook) =>
        notebook.Cells.Sum(c => c.Outputs.Count(o => o.Data.ContainsKey(HtmlReport.PlotlyMimeType)));

    [BrowserFact]
    public async Task Classic_notebook_run_all_draws_every_chart_and_so_does_its_nbconvert_export()
    {
        var root = BrowserTools.TempDirectory("classic");
        var work = Directory.CreateDirectory(Path.Combine(root, "work")).FullName;
        var committed = Path.Combine(BrowserTools.RepositoryRoot, "notebooks", Notebook);
        File.Copy(committed, Path.Combine(work, Notebook));
        var expected = ChartCount(NotebookFile.Load(committed));
        Assert.True(expected >= 10, $"{Notebook} should hold its charts ({expected})");

        var (playwright, browser) = await BrowserTools.LaunchChromiumAsync();
        using var pw = playwright;
        await using var b = browser;
        string executedJson;
        using (var server = await NotebookServer.StartAsync(root, work))
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
            var pageErrors = new List<string>();
            page.PageError += (_, e) => pageErrors.Add(e);
            await page.GotoAsync($"{server.Url}notebooks/{Notebook}?token={server.Token}");
            await page.WaitForFunctionAsync("() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
            Assert.True(await page.EvaluateAsync<bool>("() => typeof require === 'function' && typeof define === 'function' && !!define.amd"), "classic Notebook should have require.js");
            await page.EvaluateAsync("() => { Jupyter.notebook.clear_all_output(); Jupyter.notebook.execute_all_cells(); }");
            try
            {
                await page.WaitForFunctionAsync(
                    "() => Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code').every(c => typeof c.input_prompt_number === 'number')",
                    null,
                    new PageWaitForFunctionOptions { Timeout = 900_000, PollingInterval = 1000 });
            }
            catch (TimeoutException)
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTools.ScreenshotDirectory, "classic-notebook-timeout.png") });
                Assert.Fail($"Run All did not finish within 15 minutes; server log:\n{server.Log}");
            }

            var (containers, drawn) = await BrowserTools.WaitForChartsAsync(page, "#notebook .output_area .smartpulse-chart", expected, TimeSpan.FromSeconds(120));
            var errors = await page.EvaluateAsync<string[]>(
                "() => Jupyter.notebook.get_cells().flatMap(c => c.output_area ? c.output_area.outputs : []).filter(o => o.output_type === 'error').map(o => o.ename + ': ' + o.evalue)");
            await ScreenshotChartsAsync(page, "#notebook .output_area .smartpulse-chart", "classic-notebook-01");
            Assert.True(
                containers == expected && drawn == expected,
                $"classic Notebook: {drawn} of {containers} chart outputs drawn, {expected} expected; page errors: {string.Join(" | ", pageErrors)}");
            Assert.Empty(errors);
            Assert.DoesNotContain(pageErrors, e => e.Contains("Plotly", StringComparison.Ordinal));
            executedJson = await page.EvaluateAsync<string>("() => JSON.stringify(Jupyter.notebook.toJSON())");
        }

        // The executed notebook: plotly.js stored once (the first chart's loader), then its nbconvert HTML export.
        var exportDir = Directory.CreateDirectory(Path.Combine(root, "export")).FullName;
        var executedPath = Path.Combine(exportDir, Notebook);
        await File.WriteAllTextAsync(executedPath, executedJson);
        Assert.Single(_loaderMarker.Matches(executedJson));
        var (code, log) = await BrowserTools.RunAsync(BrowserTools.Python, ["-m", "nbconvert", "--to", "html", executedPath], exportDir, NotebookServer.Environment(root), TimeSpan.FromMinutes(5));
        Assert.True(code == 0, $"nbconvert --to html failed (exit {code}):\n{log}");
        var exportPage = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        var exportErrors = new List<string>();
        exportPage.PageError += (_, e) => exportErrors.Add(e);
        await exportPage.GotoAsync(new Uri(Path.ChangeExtension(executedPath, ".html")).AbsoluteUri);
        var (exported, exportedDrawn) = await BrowserTools.WaitForChartsAsync(exportPage, ".smartpulse-chart", expected, TimeSpan.FromSeconds(60));
        await ScreenshotChartsAsync(exportPage, ".smartpulse-chart", "nbconvert-html-01");
        Assert.True(exported == expected && exportedDrawn == expected, $"nbconvert HTML: {exportedDrawn} of {exported} charts drawn, {expected} expected; page errors: {string.Join(" | ", exportErrors)}");
    }

    [BrowserFact]
    public async Task Every_report_page_draws_every_chart()
    {
        // The report `smartpulse run notebooks --report` wrote in the suite's one execution of the walkthroughs.
        var run = await WalkthroughCache.GetAsync(Path.Combine(AppContext.BaseDirectory, "smartpulse.dll"));
        Assert.True(run.ExitCode == 0, $"smartpulse run notebooks: exit {run.ExitCode}\n{run.Log}");
        var root = run.ReportDirectory;
        var notebooks = run.Sources.Select(Path.GetFileName).OfType<string>().Where(n => !run.Skipped.Contains(n)).ToList();
        var entries = notebooks.Select(n => new ReportEntry(n, NotebookFile.Load(run.Executed(n)), "ok")).ToList();

        var (playwright, browser) = await BrowserTools.LaunchChromiumAsync();
        using var pw = playwright;
        await using var b = browser;
        var pages = Directory.GetFiles(root, "*.html").Where(p => Path.GetFileName(p) != "index.html").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(notebooks.Count, pages.Count);
        var failures = new List<string>();
        var total = 0;
        foreach (var entry in entries)
        {
            var expected = ChartCount(entry.Notebook);
            var html = pages.Single(p => Path.GetFileNameWithoutExtension(p) == Path.GetFileNameWithoutExtension(entry.Name));
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
            var errors = new List<string>();
            page.PageError += (_, e) => errors.Add(e);
            await page.GotoAsync(new Uri(html).AbsoluteUri);
            var (containers, drawn) = await BrowserTools.WaitForChartsAsync(page, ".plotly-figure", expected, TimeSpan.FromSeconds(60));
            await ScreenshotChartsAsync(page, ".plotly-figure", "report-" + Path.GetFileNameWithoutExtension(html));
            total += drawn;
            if (containers != expected || drawn != expected || errors.Count > 0)
            {
                failures.Add($"{Path.GetFileName(html)}: {drawn} of {containers} drawn, {expected} expected; page errors: {string.Join(" | ", errors)}");
            }

            await page.CloseAsync();
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(total > 0, "the report should hold charts");
    }

    private static async Task ScreenshotChartsAsync(IPage page, string selector, string name)
    {
        var first = page.Locator(selector).First;
        if (await page.Locator(selector).CountAsync() > 0)
        {
            await first.ScrollIntoViewIfNeededAsync();
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserTools.ScreenshotDirectory, name + ".png") });
    }
}

/// <summary>Browser tests start servers and chromium: one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "browser";
}
