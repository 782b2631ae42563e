using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartPulse.DuckDb;

/// <summary>Quoting of identifiers and literals, and reading the error position out of DuckDB's messages.</summary>
public static partial class SqlText
{
    /// <summary>Quotes an identifier for DuckDB: <c>a"b</c> → <c>"a""b"</c>.</summary>
    /// <param name="identifier">A table or column name.</param>
    /// <returns>The quoted identifier.</returns>
    public static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Quotes a string literal for DuckDB: <c>it's</c> → <c>'it''s'</c>.</summary>
    /// <param name="value">The literal text.</param>
    /// <returns>The quoted literal.</returns>
    public static string QuoteLiteral(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// Finds the position DuckDB marks in a message (<c>LINE 2: select ...</c> followed by a caret line)
    /// and maps it to a 1-based line and column of <paramref name="sql"/>. DuckDB may shorten long lines
    /// with <c>...</c>; then the column is recovered by locating the excerpt in the original line.
    /// </summary>
    /// <param name="message">DuckDB's error message.</param>
    /// <param name="sql">The statement that failed.</param>
    /// <returns>The position, or <see langword="null"/> when the message carries none.</returns>
    public static (int Line, int Column)? ErrorPosition(string message, string sql)
    {
        var match = CaretPattern().Match(message);
        if (!match.Success)
        {
            return null;
        }
        var line = int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture);
        var excerpt = match.Groups["text"].Value;
        var caret = match.Groups["caret"].Value.Length - match.Groups["prefix"].Value.Length;
        var column = caret + 1;
        var lines = sql.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (excerpt.StartsWith("...", StringComparison.Ordinal) && line >= 1 && line <= lines.Length)
        {
            var visible = excerpt[3..];
            var cut = visible.IndexOf("...", StringComparison.Ordinal);
            var probe = cut > 0 ? visible[..cut] : visible;
            var at = lines[line - 1].IndexOf(probe, StringComparison.Ordinal);
            column = at >= 0 ? at + caret - 3 + 1 : column;
        }
        return (line, Math.Max(1, column));
    }

    [GeneratedRegex(@"(?<prefix>LINE (?<line>\d+): )(?<text>[^\n]*)\n(?<caret> *)\^")]
    private static partial Regex CaretPattern();
}
