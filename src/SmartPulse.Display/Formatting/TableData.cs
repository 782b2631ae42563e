using SmartPulse.Display.Html;
using SmartPulse.Display.Text;

namespace SmartPulse.Display.Formatting;

/// <summary>A rendered-agnostic table: caption, headers, text cells (null = missing), alignment and a note.</summary>
internal sealed record TableData(string? Caption, string[] Headers, List<string?[]> Rows, bool[] Left, string? Note = null)
{
    public string ToHtml() => HtmlTable.Render(Caption, Headers, Rows, null, Left, Note);

    public string ToText() => TextTable.Render(Caption, Headers, Rows, Left, Note);
}
