using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Runner;
using SmartPulse.Notebooks.Tests.Runner;

namespace SmartPulse.Notebooks.Tests.Documents;

/// <summary>Issue 16 item 9: a cell_type other than code/markdown/raw is a raw cell, never executed, written back unchanged.</summary>
[Collection(RunnerCollection.Name)]
public sealed class UnknownCellTypeTests
{
    private const string SqlCell = """{"cell_type":"sql","id":"q1","metadata":{"custom":[1,2]},"source":["throw new System.Exception(\"executed!\");\n","SELECT 1"],"extra_field":{"kept":true}}""";

    private static string Notebook(string cells) =>
        "{\"cells\":[" + cells + "],\"metadata\":{\"kernelspec\":{\"name\":\".net-csharp\",\"display_name\":\".NET (C#)\",\"language\":\"C#\"}},\"nbformat\":4,\"nbformat_minor\":5}";

    [Fact]
    public void AnUnknownCellTypeIsReadAsARawCellAndWrittenBackUnchanged()
    {
        var notebook = IpynbFormat.Read(Notebook(SqlCell));
        var cell = Assert.Single(notebook.Cells);
        Assert.Equal(CellType.Raw, cell.CellType);
        Assert.Equal("throw new System.Exception(\"executed!\");\nSELECT 1", cell.Source);

        var written = JsonNode.Parse(IpynbFormat.Write(notebook))!["cells"]![0]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SqlCell), written), written.ToJsonString());
    }

    [Fact]
    public void AMissingIdIsTheOnlyThingFilledIn()
    {
        var notebook = IpynbFormat.Read(Notebook("""{"cell_type":"vega","metadata":{},"source":"x"}"""));
        CellIds.Assign(notebook);
        var written = JsonNode.Parse(IpynbFormat.Write(notebook))!["cells"]![0]!.AsObject();
        Assert.Equal(["cell_type", "id", "metadata", "source"], written.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("vega", written["cell_type"]!.GetValue<string>());
        Assert.Equal("x", written["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheRunnerDoesNotExecuteItAndKeepsIt()
    {
        var source = IpynbFormat.Read(Notebook(SqlCell + """,{"cell_type":"code","id":"c","metadata":{},"execution_count":null,"outputs":[],"source":["1+1"]}"""));
        var result = await NotebookRunner.RunAsync(source, await TestKernel.With(new NotebookRunOptions()));
        Assert.True(result.Succeeded, result.FirstFailure?.Error ?? result.Error);
        Assert.Single(result.Cells);
        var written = JsonNode.Parse(IpynbFormat.Write(result.Notebook))!["cells"]![0]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SqlCell), written), written.ToJsonString());
    }
}
