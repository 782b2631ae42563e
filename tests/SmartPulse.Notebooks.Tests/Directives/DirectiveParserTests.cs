using SmartPulse.Notebooks.Directives;

namespace SmartPulse.Notebooks.Tests.Directives;

public sealed class DirectiveParserTests
{
    [Fact]
    public void FindsDirectivesAndBlanksTheirLines()
    {
        var parsed = DirectiveParser.Parse("#r \"nuget: Humanizer.Core, 2.14.1\"\n#r \"nuget:Foo\"\n#i \"nuget: https://example.invalid/v3/index.json\"\n#r \"lib/My.dll\"\n#!time\nvar x = 1;");

        Assert.Null(parsed.KernelName);
        Assert.Empty(parsed.Errors);
        Assert.Equal(
            [
                new CellDirective(DirectiveKind.NuGetReference, "Humanizer.Core", "2.14.1", 1),
                new CellDirective(DirectiveKind.NuGetReference, "Foo", null, 2),
                new CellDirective(DirectiveKind.NuGetSource, "https://example.invalid/v3/index.json", null, 3),
                new CellDirective(DirectiveKind.FileReference, "lib/My.dll", null, 4),
                new CellDirective(DirectiveKind.Time, "time", null, 5),
            ],
            parsed.Directives);
        Assert.Equal("\n\n\n\n\nvar x = 1;", parsed.Code);
    }

    [Fact]
    public void KernelSwitchOnlyOnTheFirstContentLine()
    {
        Assert.Equal("fsharp", DirectiveParser.Parse("\n#!fsharp\nlet x = 1").KernelName);
        Assert.Equal("csharp", DirectiveParser.Parse("#!c#\nvar x = 1;").KernelName);
        var late = DirectiveParser.Parse("var x = 1;\n#!fsharp");
        Assert.Null(late.KernelName);
        Assert.Equal(DirectiveKind.UnsupportedMagic, Assert.Single(late.Directives).Kind);
    }

    [Fact]
    public void LeavesPreprocessorLinesAloneAndReportsMalformedDirectives()
    {
        var parsed = DirectiveParser.Parse("#region a\n#nullable enable\n#r Foo.dll\n#endregion");
        Assert.Empty(parsed.Directives);
        Assert.Equal("#region a\n#nullable enable\n\n#endregion", parsed.Code);
        Assert.StartsWith("(3): malformed directive '#r Foo.dll'", Assert.Single(parsed.Errors));
    }
}
