using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Exploration;
using SmartPulse.Analysis.Insights;
using SmartPulse.Display.Narratives;

namespace SmartPulse.Display.Tests;

public class NarrativeRenderingTests
{
    private const string Specials = "<>&\"'";

    // A heading, a paragraph with the three emphases, a table (first column text, the rest numbers), a caveat.
    private static readonly Narrative _sample = new("Rule check", [
        new NarrativeHeading(3, "Rule check"),
        new NarrativeParagraph([new("Supported.", Emphasis.Strong), new(" The "), new("1,770", Emphasis.Emphasized), new(" customers.")]),
        new NarrativeTable(["group", "customers"], [["meets", "1,770"], ["others", "230"]], [false, true]),
        new NarrativeParagraph([new("Not a test.", Emphasis.Emphasized)]),
    ]);

    [Fact]
    public void Markdown_marks_emphasis_headings_and_tables()
    {
        Assert.Equal(
            "### Rule check\n\n"
            + "**Supported.** The *1,770* customers.\n\n"
            + "| group | customers |\n|---|---:|\n| meets | 1,770 |\n| others | 230 |\n\n"
            + "*Not a test.*",
            NarrativeMarkdown.Render(_sample));
    }

    [Fact]
    public void Html_marks_emphasis_headings_and_tables()
    {
        var html = NarrativeHtml.Render(_sample);
        Assert.StartsWith("<h3>Rule check</h3><p><strong>Supported.</strong> The <em>1,770</em> customers.</p>", html, StringComparison.Ordinal);
        Assert.EndsWith("<p><em>Not a test.</em></p>", html, StringComparison.Ordinal);
        Assert.Contains("<thead><tr><th>group</th><th>customers</th></tr></thead><tbody><tr><td class=\"sp-text\">meets</td><td>1,770</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_drops_the_markers_and_aligns_the_table()
    {
        Assert.Equal(
            "Rule check\n\n"
            + "Supported. The 1,770 customers.\n\n"
            + "group   customers\n------  ---------\nmeets       1,770\nothers        230\n\n"
            + "Not a test.",
            NarrativePlainText.Render(_sample));
    }

    [Fact]
    public void Special_characters_are_escaped_in_every_format()
    {
        var n = new Narrative(Specials, [
            new NarrativeHeading(2, Specials),
            new NarrativeParagraph([new(Specials), new(Specials, Emphasis.Strong)]),
            new NarrativeTable([Specials], [[Specials]], [false]),
        ]);
        Assert.Equal(
            "## &lt;&gt;&amp;\"'\n\n&lt;&gt;&amp;\"'**&lt;&gt;&amp;\"'**\n\n| &lt;&gt;&amp;\"' |\n|---|\n| &lt;&gt;&amp;\"' |",
            NarrativeMarkdown.Render(n));
        var html = NarrativeHtml.Render(n);
        Assert.StartsWith("<h2>&lt;&gt;&amp;&quot;&#39;</h2><p>&lt;&gt;&amp;&quot;&#39;<strong>&lt;&gt;&amp;&quot;&#39;</strong></p>", html, StringComparison.Ordinal);
        Assert.Contains("<th>&lt;&gt;&amp;&quot;&#39;</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"sp-text\">&lt;&gt;&amp;&quot;&#39;</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Specials, html, StringComparison.Ordinal);
        Assert.StartsWith(Specials + "\n\n" + Specials + Specials + "\n\n" + Specials, NarrativePlainText.Render(n), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain (k$)", "plain (k\\$)")]
    [InlineData("a_b*c`d|e~f{g}h\\i", "a\\_b\\*c\\`d\\|e\\~f\\{g\\}h\\\\i")]
    [InlineData("![t](http://host/x.png)", "!\\[t\\](http://host/x.png)")]
    [InlineData("<b>&\n# heading", "&lt;b&gt;&amp; # heading")]
    public void Markdown_makes_data_text_inert(string text, string markdown) => Assert.Equal(markdown, MarkdownText.Escape(text));

    [Fact]
    public void Markup_in_data_stays_text_in_a_real_narrative()
    {
        const string evil = "<script>alert(1)</script>[click](javascript:document.title=301)";
        var frame = new DataFrame(
            new DoubleDataFrameColumn("income", new double?[] { 60, 70, 10, 20 }),
            new DoubleDataFrameColumn(evil, new double?[] { 10, 20, 80, 90 }));
        var report = SegmentInsights.Analyze(frame, [0, 0, 1, 1]).ToNarrative();
        var rule = SegmentInsights.Narrate(Eda.CheckRule(frame, evil, new Condition("income", ">", 50)));
        foreach (var n in new[] { report, rule })
        {
            var markdown = NarrativeMarkdown.Render(n);
            Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("[click]", markdown, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;\\[click\\](javascript:document.title=301)", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", NarrativeHtml.Render(n), StringComparison.Ordinal);
            Assert.Contains(evil, NarrativePlainText.Render(n), StringComparison.Ordinal);
        }
    }
}
