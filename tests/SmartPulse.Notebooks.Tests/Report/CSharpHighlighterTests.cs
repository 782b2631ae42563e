using System.Net;
using System.Text.RegularExpressions;
using SmartPulse.Notebooks.Report;

namespace SmartPulse.Notebooks.Tests.Report;

public sealed partial class CSharpHighlighterTests
{
    private static string K(string text) => $"<span class=\"k\">{text}</span>";

    private static string S(string html) => $"<span class=\"s\">{html}</span>";

    [Fact]
    public void Reserved_and_contextual_keywords()
    {
        Assert.Equal(
            $"{K("if")} (x) {K("return")} {K("null")}; {K("var")} y = {K("await")} {K("nameof")}(z); {K("from")} q {K("in")} r {K("select")} q",
            CSharpHighlighter.Highlight("if (x) return null; var y = await nameof(z); from q in r select q"));
        Assert.Equal("variable = value", CSharpHighlighter.Highlight("variable = value"));
    }

    [Fact]
    public void Regular_verbatim_interpolated_raw_and_char_literals_are_strings()
    {
        Assert.Equal(S("&quot;a\\&quot;b&quot;"), CSharpHighlighter.Highlight("\"a\\\"b\""));
        Assert.Equal(S("@&quot;c:\\&quot;&quot;d&quot;"), CSharpHighlighter.Highlight("@\"c:\\\"\"d\""));
        Assert.Equal(S("$&quot;{x} &lt;y&gt; {(a ? &quot;b&quot; : &quot;c&quot;)}&quot;"), CSharpHighlighter.Highlight("$\"{x} <y> {(a ? \"b\" : \"c\")}\""));
        Assert.Equal(S("$@&quot;{x}\\n&quot;"), CSharpHighlighter.Highlight("$@\"{x}\\n\""));
        Assert.Equal(S("&quot;&quot;&quot;raw &quot;quoted&quot; text&quot;&quot;&quot;"), CSharpHighlighter.Highlight("\"\"\"raw \"quoted\" text\"\"\""));
        Assert.Equal(S("&#39;c&#39;") + " + " + S("&#39;\\&#39;&#39;"), CSharpHighlighter.Highlight("'c' + '\\''"));
        Assert.Equal(S("&quot;utf8&quot;u8"), CSharpHighlighter.Highlight("\"utf8\"u8"));
    }

    [Fact]
    public void Comments_come_from_trivia_and_keep_their_line_breaks_outside()
    {
        Assert.Equal(
            "<span class=\"c\">// a \"quote\" &amp; if</span>\n<span class=\"c\">/* block\n   if */</span> x <span class=\"c\">/// doc</span>\n",
            CSharpHighlighter.Highlight("// a \"quote\" & if\n/* block\n   if */ x /// doc\n").Replace("&quot;", "\"", StringComparison.Ordinal));
        Assert.Equal(S("&quot;// not a comment&quot;"), CSharpHighlighter.Highlight("\"// not a comment\""));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("0x1F")]
    [InlineData("1_000")]
    [InlineData("2e10")]
    [InlineData("3m")]
    [InlineData("42UL")]
    public void Numbers(string number) => Assert.Equal($"<span class=\"n\">{number}</span>;", CSharpHighlighter.Highlight(number + ";"));

    [Fact]
    public void Notebook_and_preprocessor_directives()
    {
        Assert.Equal(
            "<span class=\"d\">#r &quot;nuget: X, 1.0&quot;</span>\n<span class=\"d\">#!time</span>\n<span class=\"d\">#nullable enable</span>\n" + K("int") + " i;",
            CSharpHighlighter.Highlight("#r \"nuget: X, 1.0\"\n#!time\n#nullable enable\nint i;"));
    }

    [Fact]
    public void Output_text_is_the_input_exactly_and_markup_only_comes_from_spans()
    {
        const string code = "#r \"nuget: SmartPulse.Analysis\"\nusing System;\n// <b>&</b>\nvar s = $\"{a<b} & {c}\" + @\"x\"\"y\"; /* unterminated";
        var html = CSharpHighlighter.Highlight(code);
        Assert.Equal(code, WebUtility.HtmlDecode(Tags().Replace(html, string.Empty)));
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Equal(string.Empty, CSharpHighlighter.Highlight(string.Empty));
    }

    [GeneratedRegex("</?span[^>]*>")]
    private static partial Regex Tags();
}
