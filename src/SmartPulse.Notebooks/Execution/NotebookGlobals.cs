using SmartPulse.Notebooks.Display;

namespace SmartPulse.Notebooks.Execution;

/// <summary>
/// The globals object of every script session: its public members are callable from cells
/// without qualification, as .NET Interactive's <c>display(...)</c> is.
/// </summary>
public class NotebookGlobals
{
    /// <summary>Shows <paramref name="value"/> as a <c>display_data</c> output of the running cell.</summary>
    /// <param name="value">The value.</param>
    /// <param name="mimeTypes">Mime types, e.g. <c>"text/html"</c>; none for the value's preferred ones (plus <c>text/plain</c>).</param>
    /// <returns>A handle to update the shown value.</returns>
#pragma warning disable IDE1006 // lower-case to match .NET Interactive's display()
    public DisplayedValue display(object? value, params string[] mimeTypes) => value.Display(mimeTypes);

    /// <summary>Marks <paramref name="content"/> as HTML: as a cell's trailing expression (or passed to <c>display</c>) it shows as <c>text/html</c>.</summary>
    /// <param name="content">The HTML text.</param>
    /// <returns>The HTML content.</returns>
    public Microsoft.AspNetCore.Html.IHtmlContent HTML(string content) => new Microsoft.AspNetCore.Html.HtmlString(content);

    /// <summary>A <c>&lt;script&gt;</c> running <paramref name="code"/> in the front end, shown as <c>text/html</c> (as .NET Interactive's <c>Javascript()</c>).</summary>
    /// <param name="code">The JavaScript code.</param>
    /// <returns>The HTML content holding the script.</returns>
    public Microsoft.AspNetCore.Html.IHtmlContent Javascript(string code) =>
        new Microsoft.AspNetCore.Html.HtmlString("<script type=\"text/javascript\">\n" + code + "\n</script>");

    /// <summary>Displays a <c>&lt;style&gt;</c> element with <paramref name="content"/> (CSS rules for the page), as .NET Interactive's <c>CSS()</c>.</summary>
    /// <param name="content">The CSS rules.</param>
    public void CSS(string content) => new Microsoft.AspNetCore.Html.HtmlString("<style>\n" + content + "\n</style>").Display("text/html");
#pragma warning restore IDE1006

    /// <summary>
    /// Clears the running cell's outputs, as IPython's <c>clear_output</c> does (a Jupyter front end
    /// erases what the cell showed so far). <c>Console.Clear()</c> in a cell calls this.
    /// </summary>
    /// <param name="wait">Clear only when the next output arrives (avoids flicker in animations).</param>
    public void ClearOutput(bool wait = false) => OutputCollector.Current?.ClearOutput(wait);
}
