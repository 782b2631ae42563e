using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Display;

/// <summary>
/// <c>x.Display()</c> as in .NET Interactive. This namespace is imported into every script
/// session; outside a running cell the value is written to the console as plain text.
/// </summary>
public static class DisplayExtensions
{
    /// <summary>Shows <paramref name="value"/> as a <c>display_data</c> output of the running cell.</summary>
    /// <param name="value">The value.</param>
    /// <param name="mimeTypes">Mime types to format it as; none for the value's preferred ones (plus <c>text/plain</c>).</param>
    /// <returns>A handle to update the shown value.</returns>
    public static DisplayedValue Display(this object? value, params string[] mimeTypes)
    {
        var data = MimeBundleFormatter.Format(value, mimeTypes);
        var collector = OutputCollector.Current;
        if (collector is null)
        {
            Console.WriteLine(data["text/plain"]?.GetValue<string>());
            return new DisplayedValue(null, null, mimeTypes);
        }

        return new DisplayedValue(collector, collector.AddDisplay(data), mimeTypes);
    }
}
