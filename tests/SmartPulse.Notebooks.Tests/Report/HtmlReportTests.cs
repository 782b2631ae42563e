using System.Text;
using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Report;

namespace SmartPulse.Notebooks.Tests.Report;

public sealed class HtmlReportTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static Notebook Sample()
    {
        var code = new NotebookCell(CellType.Code, "// chart\nvar s = \"x\";\ndisplay(s)") { Id = "c1", ExecutionCount = 1 };
        code.Outputs.Add(CellOutput.Stream("stdout", "a < b\n"));
        code.Outputs.Add(new CellOutput(CellOutput.DisplayDataType)
        {
            Data = new()
            {
                ["application/vnd.plotly.v1+json"] = JsonNode.Parse("""{"data":[{"type":"bar","x":["a","b"],"y":[1,3]}],"layout":{"title":{"text":"</script> test"}}}"""),
                ["text/html"] = "<div>fallback</div>",
                ["text/plain"] = "chart",
            },
        });
        code.Outputs.Add(CellOutput.Error("System.Exception", "boom", ["System.Exception: boom", "   at <cell> in cell 1:line 3"]));
        return new Notebook { Cells = [new NotebookCell(CellType.Markdown, "# Title\n\nSome *text*.") { Id = "m1" }, code] };
    }

    [Fact]
    public void WritesIndexAndPagesWithPlotlyIncludedOnce()
    {
        var dir = _files.PathOf("report");
        var opened = 0;
        var options = new HtmlReportOptions
        {
            Title = "Report",
            PlotlyJs = () =>
            {
                opened++;
                return new MemoryStream(Encoding.UTF8.GetBytes("window.Plotly = {};"));
            },
        };

        HtmlReport.Write(dir, [new ReportEntry("one.ipynb", Sample(), "ok"), new ReportEntry("sub/two.ipynb", Sample(), "failed")], options);

        Assert.Equal(["index.html", "one.html", "plotly.min.js", "report.css", "sub-two.html"], Directory.GetFiles(dir).Select(Path.GetFileName).Order());
        Assert.Equal(1, opened);
        var index = File.ReadAllText(Path.Combine(dir, "index.html"));
        Assert.Contains("<a href=\"one.html\">one.ipynb</a>", index);
        Assert.Contains("<td class=\"status-failed\">failed</td>", index);

        var page = File.ReadAllText(Path.Combine(dir, "one.html"));
        Assert.Contains("<h1 id=\"title\">Title</h1>", page);
        Assert.Contains("<em>text</em>", page);
        Assert.Contains("<span class=\"c\">// chart</span>", page);
        Assert.Contains("<span class=\"k\">var</span> s = <span class=\"s\">&quot;x&quot;</span>;", page);
        Assert.Contains("<pre>a &lt; b\n</pre>", page);
        Assert.Contains("<script src=\"plotly.min.js\"></script>", page);
        Assert.Contains("Plotly.newPlot('figure-2'", page);
        Assert.DoesNotContain("</script> test", page);
        Assert.Contains("script\\u003E test", page);
        Assert.DoesNotContain("fallback", page);
        Assert.Contains("System.Exception: boom\n   at &lt;cell&gt; in cell 1:line 3", page);
        Assert.DoesNotContain("http", page);
    }

    [Fact]
    public void WithoutPlotlyJsFiguresFallBackToHtmlAndTheReportIsStable()
    {
        var first = _files.PathOf("a");
        var second = _files.PathOf("b");
        HtmlReport.Write(first, [new ReportEntry("one.ipynb", Sample(), "ok")]);
        HtmlReport.Write(second, [new ReportEntry("one.ipynb", Sample(), "ok")]);

        var page = File.ReadAllText(Path.Combine(first, "one.html"));
        Assert.Contains("<div>fallback</div>", page);
        Assert.DoesNotContain("plotly.min.js", page);
        Assert.False(File.Exists(Path.Combine(first, "plotly.min.js")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "one.html")), File.ReadAllBytes(Path.Combine(second, "one.html")));
    }

    [Fact]
    public void HighlighterHandlesStringsCommentsAndDirectives()
    {
        Assert.Equal(
            "<span class=\"d\">#r &quot;nuget: X&quot;</span>\n<span class=\"k\">var</span> a = <span class=\"s\">@&quot;c:\\&quot;&quot;&quot;</span> + <span class=\"n\">1.5</span>; <span class=\"c\">/* x */</span>",
            CSharpHighlighter.Highlight("#r \"nuget: X\"\nvar a = @\"c:\\\"\"\" + 1.5; /* x */"));
    }
}
