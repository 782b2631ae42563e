using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Display;

/// <summary>
/// A value shown with <c>display(x)</c> or <c>x.Display()</c>; <see cref="Update"/> replaces what
/// was shown (in the saved notebook the output holds the last value).
/// </summary>
public sealed class DisplayedValue
{
    private readonly OutputCollector? _collector;
    private readonly string[] _mimeTypes;

    internal DisplayedValue(OutputCollector? collector, string? displayId, string[] mimeTypes)
    {
        _collector = collector;
        DisplayId = displayId;
        _mimeTypes = mimeTypes;
    }

    /// <summary>The display's id (<c>display-{executionCount}-{n}</c>), or <see langword="null"/> outside a cell.</summary>
    public string? DisplayId { get; }

    /// <summary>Replaces the shown value with <paramref name="value"/>, formatted with the same mime types.</summary>
    /// <param name="value">The new value.</param>
    public void Update(object? value)
    {
        if (_collector is not null && DisplayId is not null)
        {
            _collector.UpdateDisplay(DisplayId, MimeBundleFormatter.Format(value, _mimeTypes));
        }
    }
}
