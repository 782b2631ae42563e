namespace SmartPulse.Files.Tests;

public sealed class OutputPathsTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Real_path_resolves_links_in_folders_and_files_and_keeps_missing_tails()
    {
        var real = Directory.CreateDirectory(Path.Combine(_dir.Path, "real")).FullName;
        var linkDir = Path.Combine(_dir.Path, "alias");
        Directory.CreateSymbolicLink(linkDir, "real");
        var file = _dir.File("real/data.csv", "x");
        var fileLink = _dir.File("data-link.csv");
        File.CreateSymbolicLink(fileLink, Path.Combine("alias", "data.csv"));
        var realDir = OutputPaths.RealPath(real);
        Assert.Equal(Path.Combine(realDir, "data.csv"), OutputPaths.RealPath(fileLink));
        Assert.Equal(Path.Combine(realDir, "new", "out.csv"), OutputPaths.RealPath(Path.Combine(linkDir, "new", "out.csv")));
        Assert.True(OutputPaths.SameFile(file, Path.Combine(linkDir, "..", "alias", "data.csv")));
    }

    [Fact]
    public void Same_file_sees_hard_links()
    {
        var a = _dir.File("a.csv", "x");
        var b = _dir.File("b.csv");
        TempFolder.Tool("ln", a, b);
        Assert.True(OutputPaths.SameFile(a, b));
        Assert.False(OutputPaths.SameFile(a, _dir.File("c.csv", "x")));
    }

    [Fact]
    public void Check_names_the_flag_and_the_input_role()
    {
        var input = _dir.File("customers.csv", "a,b\n1,2\n");
        var link = _dir.File("alias.csv");
        File.CreateSymbolicLink(link, input);
        var e = Assert.Throws<UnsafeOutputException>(() => OutputPaths.Check(link, "--out", false, new InputFile(input, "input data")));
        Assert.Equal($"--out {link} is the input data ({input}); writing it would destroy the input. Change --out to another file.", e.Message);
    }

    [Fact]
    public void Check_prefixes_destination_problems_with_the_flag()
    {
        var e = Assert.Throws<UnsafeOutputException>(() => OutputPaths.Check("/dev/null", "--model", false));
        Assert.StartsWith("--model: /dev/null is a device", e.Message, StringComparison.Ordinal);
        OutputPaths.Check(_dir.File("fresh.zip"), "--model", false, new InputFile(_dir.File("in.csv", "x"), "input data"));
    }

    [Fact]
    public void A_link_loop_is_an_io_error_not_a_hang()
    {
        var a = _dir.File("a");
        var b = _dir.File("b");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);
        var e = Assert.Throws<IOException>(() => OutputPaths.RealPath(a));
        Assert.Contains("too many levels of symbolic links", e.Message, StringComparison.Ordinal);
    }
}
