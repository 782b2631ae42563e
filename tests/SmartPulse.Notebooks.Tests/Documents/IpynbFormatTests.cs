using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Tests.Documents;

public sealed class IpynbFormatTests
{
    [Fact]
    public void WritesDotNetInteractiveMetadataAndIdsOnEveryCell()
    {
        var notebook = IpynbFormat.Read(File.ReadAllText(TestFiles.FixturePath("success.ipynb")));
        var json = JsonNode.Parse(IpynbFormat.Write(notebook))!;

        Assert.Equal(4, json["nbformat"]!.GetValue<int>());
        Assert.Equal(5, json["nbformat_minor"]!.GetValue<int>());
        var metadata = json["metadata"]!;
        Assert.Equal(".net-csharp", metadata["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("C#", metadata["kernelspec"]!["language"]!.GetValue<string>());
        Assert.Equal("C#", metadata["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal("text/x-csharp", metadata["language_info"]!["mimetype"]!.GetValue<string>());
        Assert.Equal("csharp", metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
        foreach (var cell in json["cells"]!.AsArray())
        {
            Assert.Matches("^[a-zA-Z0-9_-]{1,64}$", cell!["id"]!.GetValue<string>());
            if (cell["cell_type"]!.GetValue<string>() == "code")
            {
                Assert.Equal("csharp", cell["metadata"]!["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
                Assert.Equal("csharp", cell["metadata"]!["dotnet_interactive"]!["language"]!.GetValue<string>());
            }
        }
    }

    [Fact]
    public void WritingIsDeterministicAndRoundTripsLosslessly()
    {
        var text = File.ReadAllText(TestFiles.FixturePath("changed-output.ipynb"));
        var once = IpynbFormat.Write(IpynbFormat.Read(text));
        var twice = IpynbFormat.Write(IpynbFormat.Read(once));
        var fromScratch = IpynbFormat.Write(IpynbFormat.Read(text));

        Assert.Equal(once, twice);
        Assert.Equal(once, fromScratch);
        Assert.EndsWith("}\n", once);
        Assert.StartsWith("{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",", once);
        var stream = IpynbFormat.Read(once).Cells[1].Outputs.Single();
        Assert.Equal(("stdout", "5\n"), (stream.Name, stream.Text));
    }

    [Fact]
    public void IdsAreKeptWhenValidAndDerivedOtherwise()
    {
        var notebook = new Notebook
        {
            Cells =
            [
                new NotebookCell(CellType.Code, "a") { Id = "keep-me" },
                new NotebookCell(CellType.Code, "a") { Id = "keep-me" },
                new NotebookCell(CellType.Markdown, "b") { Id = "not valid!" },
            ],
        };
        CellIds.Assign(notebook);
        var first = notebook.Cells.Select(c => c.Id).ToList();

        Assert.Equal("keep-me", first[0]);
        Assert.NotEqual("keep-me", first[1]);
        Assert.True(CellIds.IsValid(first[1]) && CellIds.IsValid(first[2]));
        Assert.Equal(3, first.Distinct().Count());

        var again = new Notebook { Cells = [new NotebookCell(CellType.Code, "a") { Id = "keep-me" }, new NotebookCell(CellType.Code, "a") { Id = "keep-me" }, new NotebookCell(CellType.Markdown, "b")] };
        CellIds.Assign(again);
        Assert.Equal(first, again.Cells.Select(c => c.Id));
    }

    [Theory]
    [InlineData("""{"polyglot_notebook":{"kernelInfo":{"defaultKernelName":"fsharp"}}}""", "fsharp")]
    [InlineData("""{"kernelInfo":{"defaultKernelName":"csharp"}}""", "csharp")]
    [InlineData("""{"dotnet_interactive":{"defaultKernelName":"pwsh"}}""", "pwsh")]
    [InlineData("""{"kernelspec":{"name":".net-fsharp","language":"F#"}}""", "fsharp")]
    [InlineData("""{"kernelspec":{"name":"whatever","language":"C#"}}""", "csharp")]
    [InlineData("""{}""", "csharp")]
    public void ReadsEveryNotebookMetadataShapeForTheDefaultKernel(string metadata, string expected)
    {
        var json = $$"""{"cells":[{"cell_type":"code","metadata":{},"source":"1","outputs":[],"execution_count":null}],"metadata":{{metadata}},"nbformat":4,"nbformat_minor":4}""";
        var notebook = IpynbFormat.Read(json);
        Assert.Equal(expected, notebook.DefaultKernelName);
        Assert.Equal(expected, notebook.Cells[0].KernelName);
    }

    [Theory]
    [InlineData("""{"polyglot_notebook":{"kernelName":"fsharp"}}""", "fsharp")]
    [InlineData("""{"dotnet_interactive":{"language":"pwsh"}}""", "pwsh")]
    [InlineData("""{"vscode":{"languageId":"dotnet-interactive.csharp"}}""", "csharp")]
    [InlineData("""{"vscode":{"languageId":"polyglot-notebook"}}""", "csharp")]
    [InlineData("""{"dotnet_interactive":{"language":"C#"}}""", "csharp")]
    public void ReadsEveryCellMetadataShapeForTheKernel(string metadata, string expected)
    {
        var json = $$"""{"cells":[{"cell_type":"code","metadata":{{metadata}},"source":["x"],"outputs":[],"execution_count":null}],"metadata":{},"nbformat":4,"nbformat_minor":4}""";
        Assert.Equal(expected, IpynbFormat.Read(json).Cells[0].KernelName);
    }

    [Fact]
    public void UnknownMetadataIsPreservedAndJsonMimeValuesStayJson()
    {
        var json = """
            {"cells":[{"cell_type":"code","id":"c1","metadata":{"tags":["parameters"],"custom":{"k":1}},"source":"x","execution_count":3,
              "outputs":[{"output_type":"display_data","metadata":{},"data":{"application/vnd.plotly.v1+json":{"data":[{"type":"bar"}]},"text/plain":["a\n","b"]}}]}],
             "metadata":{"authors":[{"name":"A"}]},"nbformat":4,"nbformat_minor":5}
            """;
        var notebook = IpynbFormat.Read(json);
        var written = JsonNode.Parse(IpynbFormat.Write(notebook))!;

        Assert.Equal("A", written["metadata"]!["authors"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(1, written["cells"]![0]!["metadata"]!["custom"]!["k"]!.GetValue<int>());
        Assert.Equal(["parameters"], notebook.Cells[0].Tags);
        Assert.Equal("bar", written["cells"]![0]!["outputs"]![0]!["data"]!["application/vnd.plotly.v1+json"]!["data"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("a\nb", notebook.Cells[0].Outputs[0].PlainText());
        Assert.Equal(3, written["cells"]![0]!["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public void RejectsNonNotebooksWithAClearMessage()
    {
        Assert.Contains("invalid JSON", Assert.Throws<NotebookFormatException>(() => IpynbFormat.Read("{ nope")).Message);
        Assert.Contains("unsupported nbformat 3", Assert.Throws<NotebookFormatException>(() => IpynbFormat.Read("""{"nbformat":3,"worksheets":[]}""")).Message);
    }
}
