namespace SmartPulse.Text.Tests;

public class HtmlTextTests
{
    [Theory]
    [InlineData("<", "&lt;")]
    [InlineData(">", "&gt;")]
    [InlineData("&", "&amp;")]
    [InlineData("\"", "&quot;")]
    [InlineData("'", "&#39;")]
    [InlineData("<script>alert('x & \"y\"')</script>", "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;")]
    [InlineData("&amp;", "&amp;amp;")]
    public void Encode_escapes_the_five_characters(string text, string expected) => Assert.Equal(expected, HtmlText.Encode(text));

    [Theory]
    [InlineData("plain text 123")]
    [InlineData("é × · → ∞ 🙂")]
    [InlineData("a\nb\tc")]
    public void Encode_passes_every_other_character_unchanged(string text) => Assert.Same(text, HtmlText.Encode(text));

    [Fact]
    public void Encode_of_null_or_empty_is_empty()
    {
        Assert.Equal(string.Empty, HtmlText.Encode(null));
        Assert.Equal(string.Empty, HtmlText.Encode(string.Empty));
    }

    [Fact]
    public void ScriptSafeJson_hides_markup_and_line_separators_but_keeps_the_value()
    {
        const string json = "{\"a\":\"</script><b>&\u2028\u2029\"}";
        var safe = HtmlText.ScriptSafeJson(json);
        Assert.Equal("{\"a\":\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u2028\\u2029\"}", safe);
        Assert.Equal(
            System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("a").GetString(),
            System.Text.Json.JsonDocument.Parse(safe).RootElement.GetProperty("a").GetString());
    }
}
