using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Tests.Documents;

public sealed class DibFormatTests
{
    [Fact]
    public void ReadsKernelsAliasesAndMeta()
    {
        var notebook = DibFormat.Read(File.ReadAllText(TestFiles.FixturePath("walkthrough.dib")));

        Assert.Equal(4, notebook.Cells.Count);
        Assert.Equal((CellType.Markdown, "markdown"), (notebook.Cells[0].CellType, notebook.Cells[0].KernelName));
        Assert.Equal("# A .dib walkthrough\n\nCells use `#!csharp`, the `#!c#` alias and `#!md`.", notebook.Cells[0].Source);
        Assert.Equal((CellType.Code, "csharp"), (notebook.Cells[1].CellType, notebook.Cells[1].KernelName));
        Assert.Equal("var greeting = \"hello\";\nConsole.WriteLine(greeting);", notebook.Cells[1].Source);
        Assert.Equal(("csharp", "c#"), (notebook.Cells[2].KernelName, notebook.Cells[2].DibDirective));
        Assert.Equal(("markdown", "md"), (notebook.Cells[3].KernelName, notebook.Cells[3].DibDirective));
        Assert.NotNull(notebook.Metadata["polyglot_notebook"]?["kernelInfo"]);
    }

    [Fact]
    public void RoundTripIsLossless()
    {
        var text = File.ReadAllText(TestFiles.FixturePath("walkthrough.dib"));
        Assert.Equal(text, DibFormat.Write(DibFormat.Read(text)));
    }

    [Fact]
    public void DibToIpynbAndBackKeepsTheCells()
    {
        var text = File.ReadAllText(TestFiles.FixturePath("walkthrough.dib"));
        var viaIpynb = IpynbFormat.Read(IpynbFormat.Write(DibFormat.Read(text)));
        var back = DibFormat.Read(DibFormat.Write(viaIpynb));
        var original = DibFormat.Read(text);

        Assert.Equal(original.Cells.Select(c => (c.CellType, c.KernelName, c.Source)), back.Cells.Select(c => (c.CellType, c.KernelName, c.Source)));
    }

    [Fact]
    public void MagicCommandsStayInsideTheirCellAndLeadingTextIsCSharp()
    {
        var notebook = DibFormat.Read("var a = 1;\n\n#!fsharp\n\nlet x = 1\n\n#!csharp\n\n#!time\nvar b = 2;\n");
        Assert.Equal(3, notebook.Cells.Count);
        Assert.Equal(("csharp", "var a = 1;"), (notebook.Cells[0].KernelName, notebook.Cells[0].Source));
        Assert.Equal("fsharp", notebook.Cells[1].KernelName);
        Assert.Equal("#!time\nvar b = 2;", notebook.Cells[2].Source);
    }
}
