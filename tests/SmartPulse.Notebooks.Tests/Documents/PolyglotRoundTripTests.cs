using System.Text;
using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Tests.Documents;

/// <summary>
/// A notebook saved by the real tool (Fixtures/dotnet-interactive-polyglot.ipynb: dotnet-interactive
/// 1.0.712001's kernel driven by nbconvert, in .NET Interactive's format with C#, F#, SQL, HTML, Mermaid,
/// value, #!set and #!share cells) reads and writes back byte for byte: same bytes, not merely the
/// same JSON.
/// </summary>
public sealed class PolyglotRoundTripTests
{
    [Fact]
    public void Notebook_saved_by_the_real_tool_round_trips_byte_for_byte()
    {
        var bytes = File.ReadAllBytes(TestFiles.FixturePath("dotnet-interactive-polyglot.ipynb"));
        var notebook = IpynbFormat.Read(Encoding.UTF8.GetString(bytes));
        Assert.Equal(
            ["markdown", "csharp", "csharp", "fsharp", "fsharp", "html", "mermaid", "value", "csharp", "csharp", "fsharp", "csharp", "sql"],
            notebook.Cells.Select(c => c.CellType == CellType.Code ? c.KernelName : "markdown"));
        Assert.Contains(notebook.Cells, c => c.Source.StartsWith("#!set --name greeting", StringComparison.Ordinal));
        Assert.Contains(notebook.Cells, c => c.Source.StartsWith("#!share --from value note", StringComparison.Ordinal));

        var written = Encoding.UTF8.GetBytes(IpynbFormat.Write(notebook));
        var first = written.AsSpan().CommonPrefixLength(bytes);
        Assert.True(
            written.AsSpan().SequenceEqual(bytes),
            $"written {written.Length} bytes, file has {bytes.Length}; first difference at byte {first}: '{Context(written, first)}' vs '{Context(bytes, first)}'");
    }

    private static string Context(byte[] data, int at)
    {
        var start = Math.Clamp(at - 40, 0, data.Length);
        return Encoding.UTF8.GetString(data, start, Math.Min(80, data.Length - start));
    }
}
