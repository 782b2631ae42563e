using System.Text.RegularExpressions;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Kernels;

namespace SmartPulse.Notebooks.Tests.Kernels;

/// <summary>
/// Fixtures/dotnet-interactive-polyglot.ipynb is in .NET Interactive's own format with outputs saved by the
/// real tool (dotnet-interactive 1.0.712001's jupyter kernel driven by nbconvert): C#, F#, HTML, Mermaid,
/// value, #!set and #!share cells, plus a SQL cell the real tool cannot run. It runs unchanged under the
/// composite kernel, and every stored output we can compare (streams, plain text, text/html of the html
/// kernel, the numbers the real tool wraps in dni-plaintext HTML) is produced again. Its own kernel
/// bootstrap script and its CDN-loading Mermaid HTML have no counterpart and are not compared.
/// </summary>
public sealed partial class DotnetInteractiveParityTests
{
    [Fact]
    public async Task Polyglot_notebook_saved_by_the_real_tool_runs_unchanged_with_the_same_outputs()
    {
        var path = TestFiles.FixturePath("dotnet-interactive-polyglot.ipynb");
        var text = File.ReadAllText(path);
        var notebook = IpynbFormat.Read(text);
        Assert.Equal(["csharp", "fsharp", "html", "mermaid", "value", "sql"], notebook.Cells.Where(c => c.CellType == CellType.Code).Select(c => c.KernelName).Distinct());

        using var kernel = new CompositeKernel();
        var compared = 0;
        foreach (var cell in notebook.Cells.Where(c => c.CellType == CellType.Code))
        {
            var result = await kernel.ExecuteAsync(cell.Source, kernelName: cell.KernelName);
            Assert.True(result.Succeeded, $"{cell.Id}: {result.ErrorSummary}");
            foreach (var expected in cell.Outputs)
            {
                if (expected.OutputType == CellOutput.StreamType)
                {
                    Assert.Contains(result.Outputs, o => o.OutputType == CellOutput.StreamType && o.Text == expected.Text);
                    compared++;
                    continue;
                }
                var html = expected.Data["text/html"]?.GetValue<string>();
                if (html is not null && (html.Contains("dotnet-interactive-this-cell", StringComparison.Ordinal) || html.Contains("mermaidMarkdownContainer", StringComparison.Ordinal)))
                {
                    continue;
                }
                if (expected.PlainText() is { } plain)
                {
                    Assert.Contains(result.Outputs, o => o.PlainText() == plain);
                }
                else if (html is not null && PlainTextHtml().Match(html) is { Success: true } m)
                {
                    Assert.Contains(result.Outputs, o => o.PlainText() == System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));
                }
                else
                {
                    Assert.Contains(result.Outputs, o => o.Data["text/html"]?.GetValue<string>() == html);
                }
                compared++;
            }
            if (cell.KernelName == "sql")
            {
                Assert.Equal("product\n-------\n42\n(1 row)", result.Outputs.Single().PlainText());
            }
            if (cell.KernelName == "mermaid")
            {
                Assert.Equal("graph LR\n    a --> b", result.Outputs.Single().Data[Mermaid.MimeType]!.GetValue<string>());
            }
        }
        Assert.Equal(10, compared);

        // Kernel names survive a write, and a written document reads back and writes byte for byte.
        var written = IpynbFormat.Write(notebook);
        var reread = IpynbFormat.Read(written);
        Assert.Equal(notebook.Cells.Select(c => c.KernelName), reread.Cells.Select(c => c.KernelName));
        Assert.Equal(written, IpynbFormat.Write(reread));
    }

    [GeneratedRegex("^<div class=\"dni-plaintext\"><pre>(.*?)</pre></div>", RegexOptions.Singleline)]
    private static partial Regex PlainTextHtml();
}
