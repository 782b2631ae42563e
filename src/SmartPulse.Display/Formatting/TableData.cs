using SmartPulse.Display.Html;
using SmartPulse.Text;

namespace SmartPulse.Display.Formatting;

/// <summary>A rendered-agnostic table: caption, headers, text cells (null = missing), alignment and a note.</summary>
internal sealed record TableData(string? Caption, string[] Headers, List<string?[]> Rows, bool[] Left, string? Note = null)
{
    /// <summary>How a missing (null) cell reads in text tables.</summary>
    public const string MissingText = "<missing>";

    public string ToHtml() => HtmlTable.Render(Headers, HtmlTable.Rows(Rows), new HtmlTableOptions { Caption = Caption, LeftAligned = Left, Note = Note });

    public string ToText() => Text(Caption, Headers, Rows, Left, Note);

    /// <summary>The shared text table with Display's conventions: text columns left, numbers right, null as "&lt;missing&gt;".</summary>
    public static string Text(string? caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, IReadOnlyList<bool> left, string? note) =>
        TextTable.Render(headers, rows, left.Select(l => !l).ToArray(), caption, note, MissingText);
}
