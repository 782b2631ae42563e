using System.Text;

namespace SmartPulse.Text;

/// <summary>
/// The one HTML escaper of SmartPulse (Display, Server and the Notebooks engine all call it) for every string that
/// comes from data or code (column names, cell values, segment names, titles, source code), so a cell holding
/// <c>&lt;script&gt;alert(1)&lt;/script&gt;</c> renders as text. Valid in element content and in quoted attribute values.
/// </summary>
public static class HtmlText
{
    /// <summary>Escapes <c>&amp; &lt; &gt; " '</c>; null becomes the empty string. Other characters pass unchanged.</summary>
    /// <param name="text">Text from data.</param>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
        {
            sb.Append(ch switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => ch.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>
    /// Makes JSON safe inside a <c>&lt;script&gt;</c> element: <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and the line
    /// separators U+2028/U+2029 become <c>\uXXXX</c> escapes (the JSON value is unchanged).
    /// </summary>
    /// <param name="json">A JSON text.</param>
    public static string ScriptSafeJson(string json) => json
        .Replace("<", "\\u003c", StringComparison.Ordinal)
        .Replace(">", "\\u003e", StringComparison.Ordinal)
        .Replace("&", "\\u0026", StringComparison.Ordinal)
        .Replace("\u2028", "\\u2028", StringComparison.Ordinal)
        .Replace("\u2029", "\\u2029", StringComparison.Ordinal);
}
