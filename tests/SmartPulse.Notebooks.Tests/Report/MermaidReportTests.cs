using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Kernels;
using SmartPulse.Notebooks.Report;

namespace SmartPulse.Notebooks.Tests.Report;

public sealed class MermaidReportTests
{
    [Fact]
    public void Report_with_a_mermaid_output_embeds_mermaid_js_once_and_draws_offline()
    {
        using var files = new TestFiles();
        var notebook = new Notebook();
        var cell = new NotebookCell(CellType.Code, "#!mermaid\ngraph LR\n  a --> b", "mermaid") { Id = "m1", ExecutionCount = 1 };
        cell.Outputs.Add(new CellOutput(CellOutput.DisplayDataType) { Data = Mermaid.Bundle("graph LR\n  a --> b") });
        notebook.Cells.Add(cell);
        var plain = new Notebook();
        plain.Cells.Add(new NotebookCell(CellType.Code, "1") { Id = "c1" });

        HtmlReport.Write(files.Root, [new ReportEntry("diagram.ipynb", notebook, "ok"), new ReportEntry("plain.ipynb", plain, "ok")]);

        var js = Path.Combine(files.Root, "mermaid.min.js");
        Assert.True(new FileInfo(js).Length > 1_000_000, "the full mermaid.min.js is written");
        Assert.StartsWith("\"use strict\";var __esbuild_esm_mermaid_nm", File.ReadAllText(js));
        var page = File.ReadAllText(Path.Combine(files.Root, "diagram.html"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "<script src=\"mermaid.min.js\"></script>"));
        Assert.Contains("<pre class=\"mermaid\" id=\"mermaid-", page);
        Assert.Contains("a --&gt; b", page);
        Assert.DoesNotContain("mermaid.min.js", File.ReadAllText(Path.Combine(files.Root, "plain.html")));
    }
}
