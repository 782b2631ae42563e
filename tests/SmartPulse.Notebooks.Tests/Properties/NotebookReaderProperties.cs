using FsCheck.Xunit;
using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Tests.Properties;

/// <summary>
/// Issue 16: random text and random notebook-shaped structures give either a notebook (which can be
/// written back and read again) or one <see cref="NotebookFormatException"/> with a location (line
/// and column, or cell) — never a crash, a hang or another exception type.
/// </summary>
[Properties(Arbitrary = [typeof(NotebookInputs)], MaxTest = 300)]
public sealed class NotebookReaderProperties
{
    [Property]
    public bool IpynbReaderOnNotebookShapedJson(IpynbText input) => Check(() => RoundTrip(input.Text, ".ipynb"), requireLocation: false);

    [Property]
    public bool IpynbReaderOnAnyText(AnyText input) => Check(() => RoundTrip(input.Text, ".ipynb"), requireLocation: true);

    [Property]
    public bool DibReaderOnDibShapedText(DibText input) => Check(() => RoundTrip(input.Text, ".dib"), requireLocation: true);

    [Property]
    public bool DibReaderOnAnyText(AnyText input) => Check(() => RoundTrip(input.Text, ".dib"), requireLocation: true);

    [Fact]
    public void ABadCellNamesItsNumber()
    {
        var e = Assert.Throws<NotebookFormatException>(() => IpynbFormat.Read("""{"cells":[{"cell_type":"code","source":"1"},{"cell_type":"code","metadata":{"polyglot_notebook":5}}],"metadata":{},"nbformat":4}"""));
        Assert.Equal(2, e.Cell);
        Assert.StartsWith("not a valid .ipynb file: cell 2 has a value of the wrong type:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadJsonNamesLineAndColumn()
    {
        var e = Assert.Throws<NotebookFormatException>(() => IpynbFormat.Read("{\n  \"cells\": [,]\n}"));
        Assert.Equal(2, e.Line);
        Assert.Equal(13, e.Column);
        var dib = Assert.Throws<NotebookFormatException>(() => DibFormat.Read("#!csharp\n1\n\n#!meta\n\n{\"kernelInfo\":\n  [1,}\n"));
        Assert.Equal(7, dib.Line);
    }

    [Fact]
    public void ANonNumericNbformatIsAFormatError()
    {
        var e = Assert.Throws<NotebookFormatException>(() => IpynbFormat.Read("""{"cells":[],"metadata":{},"nbformat":"4"}"""));
        Assert.Equal("not a valid .ipynb file: 'nbformat' must be a whole number; found \"4\".", e.Message);
    }

    private static int RoundTrip(string text, string extension)
    {
        var notebook = NotebookFile.Parse(text, "random" + extension);
        var written = NotebookFile.Format(notebook, "random" + extension);
        var again = NotebookFile.Parse(written, "random" + extension);
        if (extension == ".ipynb")
        {
            Assert.Equal(notebook.Cells.Count, again.Cells.Count);
        }

        // A .dib has no escaping: a body line such as "#!kql-x" that only becomes a directive once a
        // later #!meta declares the kernel can split a cell when written back (meta first), so for
        // .dib only "written text reads again" is asserted.
        return again.Cells.Count;
    }

    private static bool Check(Func<int> read, bool requireLocation)
    {
        var task = Task.Run(() =>
        {
            try
            {
                read();
                return null;
            }
            catch (NotebookFormatException e)
            {
                return e;
            }
        });
        Assert.True(task.Wait(TimeSpan.FromSeconds(30)), "the reader did not finish within 30 s (hang)");
        if (task.Result is { } error && requireLocation)
        {
            Assert.True(error.Line is >= 1 || error.Cell is >= 1 || !error.Message.Contains("JSON", StringComparison.Ordinal), $"no location in: {error.Message}");
        }

        return true;
    }
}
