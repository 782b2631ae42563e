using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Execution;
using SmartPulse.Notebooks.Kernel;

namespace SmartPulse.Notebooks.Tests.Kernel;

public sealed class LanguageServiceTests : IDisposable
{
    private readonly ScriptSession _session = new();
    private readonly CSharpLanguageService _language;

    public LanguageServiceTests()
    {
        _language = new CSharpLanguageService(_session);
    }

    public void Dispose() => _session.Dispose();

    [Theory]
    [InlineData("1 + 1", "complete")]
    [InlineData("var x = 1;", "complete")]
    [InlineData("#r \"nuget: Humanizer.Core, 2.14.1\"\n#!time\nvar y = 2;", "complete")]
    [InlineData("", "complete")]
    [InlineData("for (var i = 0; i < 3; i++) {", "incomplete")]
    [InlineData("var s = \"open", "incomplete")]
    [InlineData("/* comment", "incomplete")]
    [InlineData("int x = ;", "invalid")]
    [InlineData("Console.WriteLine(1));", "invalid")]
    public void IsCompleteFollowsRoslynsSubmissionRules(string code, string expected)
    {
        Assert.Equal(expected, _language.IsComplete(code).Status);
    }

    [Fact]
    public void IncompleteBlockAsksForAnIndent()
    {
        Assert.Equal(("incomplete", "        "), _language.IsComplete("if (true)\n{\n    while (true) {"));
    }

    [Fact]
    public async Task CompletionSeesMembersLocalsAndEarlierCells()
    {
        await _session.ExecuteAsync("var customers = new List<string> { \"a\" };");

        Assert.Equal(["WriteLine"], Matches("Console.WriteL"));
        Assert.Equal(["customers"], Matches("custom"));
        Assert.Contains("Count", Matches("customers.Co"));
        Assert.Contains("Select", Matches("customers.Sel")); // extension method
        Assert.Equal(["localThing"], Matches("var localThing = 1;\nlocalT"));
        Assert.Contains("Generic", Matches("System.Collections.Gen"));
        var reply = _language.Complete("Math.Ab", 7);
        Assert.Equal(5, reply["cursor_start"]!.GetValue<int>());
        Assert.Equal(7, reply["cursor_end"]!.GetValue<int>());
    }

    [Fact]
    public void CursorPositionsAreUnicodeCodePoints()
    {
        // "😀" is one code point but two UTF-16 units: cursor_pos 14 is the end of the text.
        const string code = "var s = \"😀\"; s.Leng";
        var reply = _language.Complete(code, code.Length - 1);
        Assert.Equal(["Length"], reply["matches"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(code.Length - 1, reply["cursor_end"]!.GetValue<int>());
    }

    [Fact]
    public async Task InspectShowsSignatureDocumentationAndValue()
    {
        var reply = _language.Inspect("Console.WriteLine", 10, 0);
        Assert.True(reply["found"]!.GetValue<bool>());
        var text = reply["data"]!["text/plain"]!.GetValue<string>();
        Assert.Contains("static void System.Console.WriteLine(bool value)", text, StringComparison.Ordinal);
        Assert.Contains("overloads)", text, StringComparison.Ordinal);
        var hasDocs = Directory.Exists(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"));
        if (hasDocs)
        {
            Assert.Contains("line terminator", text, StringComparison.Ordinal);
        }

        var math = _language.Inspect("Math.Sqrt(", 10, 0)["data"]!["text/plain"]!.GetValue<string>();
        Assert.Contains("double System.Math.Sqrt(double d)", math, StringComparison.Ordinal);
        if (hasDocs)
        {
            Assert.Contains("square root", math, StringComparison.Ordinal);
        }

        await _session.ExecuteAsync("var total = 40 + 2;");
        var variable = _language.Inspect("total", 2, 0)["data"]!["text/plain"]!.GetValue<string>();
        Assert.Contains("int total", variable, StringComparison.Ordinal);
        Assert.Contains("value: 42", variable, StringComparison.Ordinal);

        Assert.False(_language.Inspect("   ", 1, 0)["found"]!.GetValue<bool>());
    }

    private List<string> Matches(string code) =>
        [.. _language.Complete(code, code.Length)["matches"]!.AsArray().Select(m => m!.GetValue<string>())];
}
