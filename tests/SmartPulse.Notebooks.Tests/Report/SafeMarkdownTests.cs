using SmartPulse.Notebooks.Report;

namespace SmartPulse.Notebooks.Tests.Report;

/// <summary>Issue 16 item 3: the report's markdown drops script URLs and loads no remote image.</summary>
public sealed class SafeMarkdownTests
{
    [Theory]
    [InlineData("[click](javascript:document.title=301)", "<p>click</p>\n")]
    [InlineData("[click](JaVaScRiPt:alert(1))", "<p>click</p>\n")]
    [InlineData("[click](java&#09;script:alert(1))", "<p>click</p>\n")]
    [InlineData("[click](&#x20;javascript:alert(1))", "<p>click</p>\n")]
    [InlineData("[x](vbscript:msgbox)", "<p>x</p>\n")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)", "<p>x</p>\n")]
    [InlineData("[x][r]\n\n[r]: javascript:alert(1)", "<p>x</p>\n")]
    [InlineData("<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n")]
    [InlineData("![t](data:image/svg+xml;base64,AAAA)", "<p>[image: t]</p>\n")]
    [InlineData("![t](http://host/x.png)", "<p>[image: t] (http://host/x.png)</p>\n")]
    [InlineData("![t](//host/x.png)", "<p>[image: t] (//host/x.png)</p>\n")]
    [InlineData("[ok](https://example.org/a)", "<p><a href=\"https://example.org/a\">ok</a></p>\n")]
    [InlineData("![local](figure.png)", "<p><img src=\"figure.png\" alt=\"local\" /></p>\n")]
    public void DropsScriptUrlsAndShowsRemoteImagesAsText(string markdown, string html)
    {
        Assert.Equal(html, SafeMarkdown.ToHtml(markdown, trusted: false));
        Assert.Equal(html, SafeMarkdown.ToHtml(markdown, trusted: true));
    }

    [Fact]
    public void GenericAttributeEventHandlersAreRemoved()
    {
        var html = SafeMarkdown.ToHtml("# Title {onclick=\"alert(1)\" .big}", trusted: true);
        Assert.DoesNotContain("onclick", html, StringComparison.Ordinal);
        Assert.Contains("class=\"big\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputsShowRawHtmlAsTextWhileAuthorCellsKeepIt()
    {
        Assert.Equal("<p>&lt;b onmouseover=&quot;x&quot;&gt;hi&lt;/b&gt;</p>\n", SafeMarkdown.ToHtml("<b onmouseover=\"x\">hi</b>", trusted: false));
        Assert.Equal("<p><b>hi</b></p>\n", SafeMarkdown.ToHtml("<b>hi</b>", trusted: true));
    }
}
