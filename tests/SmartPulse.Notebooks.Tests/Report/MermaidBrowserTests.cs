using System.Diagnostics;
using System.Text.RegularExpressions;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Kernels;
using SmartPulse.Notebooks.Report;

namespace SmartPulse.Notebooks.Tests.Report;

/// <summary>
/// The HTML report of a notebook with a Mermaid cell, opened in the system chromium with every host name
/// unresolvable (offline): the one embedded mermaid.min.js draws the diagram as an SVG in place of its source.
/// </summary>
public sealed partial class MermaidBrowserTests
{
    [ChromiumFact]
    public async Task Report_draws_the_mermaid_diagram_offline_in_chromium()
    {
        using var files = new TestFiles();
        const string diagram = "graph LR\n  load --> profile\n  profile --> cluster";
        var notebook = new Notebook();
        var cell = new NotebookCell(CellType.Code, "#!mermaid\n" + diagram, "mermaid") { Id = "m1", ExecutionCount = 1 };
        cell.Outputs.Add(new CellOutput(CellOutput.DisplayDataType) { Data = Mermaid.Bundle(diagram) });
        notebook.Cells.Add(cell);
        HtmlReport.Write(files.Root, [new ReportEntry("pipeline.ipynb", notebook, "ok")]);
        var page = Path.Combine(files.Root, "pipeline.html");
        Assert.Single(ScriptTags().Matches(File.ReadAllText(page)));

        var dom = await DumpDomAsync(page);

        // The <pre class="mermaid"> now holds mermaid's SVG, with one node per step and no syntax-error diagram.
        var drawn = DrawnDiagram().Match(dom);
        Assert.True(drawn.Success, "no drawn diagram in the page; DOM starts with: " + dom[..Math.Min(dom.Length, 600)]);
        var svg = drawn.Groups[1].Value;
        Assert.Contains("flowchart", svg);
        foreach (var step in new[] { "load", "profile", "cluster" })
        {
            Assert.Contains($">{step}<", svg);
        }
        Assert.Equal(3, NodeGroups().Matches(svg).Count);
        Assert.DoesNotContain("Syntax error", dom);
    }

    private static async Task<string> DumpDomAsync(string page)
    {
        var start = new ProcessStartInfo(ChromiumFactAttribute.Chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=10000",
            "--user-data-dir=" + Path.Combine(Path.GetDirectoryName(page)!, "chromium-profile"), "--dump-dom", new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var chromium = Process.Start(start)!;
        var stdout = chromium.StandardOutput.ReadToEndAsync();
        var stderr = chromium.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await chromium.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            chromium.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish within 3 minutes: " + await stderr);
        }
        var dom = await stdout;
        Assert.True(dom.Length > 0, $"chromium exited {chromium.ExitCode} without a DOM: {await stderr}");
        return dom;
    }

    [GeneratedRegex("<script src=\"mermaid\\.min\\.js\"></script>")]
    private static partial Regex ScriptTags();

    [GeneratedRegex("<pre class=\"mermaid\" id=\"mermaid-[0-9a-f]{12}\" data-processed=\"true\">(<svg .*?</svg>)</pre>", RegexOptions.Singleline)]
    private static partial Regex DrawnDiagram();

    [GeneratedRegex("<g class=\"node ")]
    private static partial Regex NodeGroups();
}
