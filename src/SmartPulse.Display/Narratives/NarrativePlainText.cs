using SmartPulse.Analysis.Insights;
using SmartPulse.Text;

namespace SmartPulse.Display.Narratives;

/// <summary>
/// Renders a <see cref="Narrative"/> as plain text for terminals and <c>text/plain</c>: a heading as its title line, a
/// paragraph as its words (no emphasis markers), a table as a fixed-width text table; blocks separated by a blank line.
/// </summary>
public static class NarrativePlainText
{
    /// <summary>The plain text of <paramref name="narrative"/>.</summary>
    /// <param name="narrative">The narrative.</param>
    public static string Render(Narrative narrative)
    {
        ArgumentNullException.ThrowIfNull(narrative);
        return string.Join("\n\n", narrative.Blocks.Select(b => b switch
        {
            NarrativeTable t => TextTable.Render(t.Headers, t.Rows, t.RightAligned),
            _ => b.Text,
        }));
    }
}
