using System.Diagnostics;
using System.Globalization;

namespace SmartPulse.Cli.Output;

/// <summary>
/// A one-line progress bar on stderr (percent of the file, rows/s or MB/s, ETA), drawn only when
/// stderr is a terminal, never under <c>--json</c>, and only once the work has run for 2 s (short
/// jobs print nothing). Redrawn at most 5 times a second; <see cref="Dispose"/> clears the line.
/// </summary>
public sealed class ProgressBar : IDisposable
{
    private readonly TimeSpan _delay;
    private readonly TextWriter? _error;
    private readonly string _label;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastDraw;
    private bool _drawn;

    private ProgressBar(TextWriter? error, string label, TimeSpan delay)
    {
        _error = error;
        _label = label;
        _delay = delay;
    }

    /// <summary>A bar for <paramref name="console"/>'s stderr, or a silent one when that is not a terminal or <paramref name="json"/> is set.</summary>
    public static ProgressBar For(CliConsole console, bool json, string label) =>
        For(console, json, label, ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected, TimeSpan.FromSeconds(2));

    /// <summary>
    /// A bar that draws on <paramref name="console"/>'s stderr when <paramref name="isTerminal"/> and not <paramref name="json"/>,
    /// starting after <paramref name="delay"/> (the command line uses 2 s).
    /// </summary>
    public static ProgressBar For(CliConsole console, bool json, string label, bool isTerminal, TimeSpan delay) =>
        new(!json && isTerminal ? console.Error : null, label, delay);

    /// <summary>Whether anything will ever be drawn.</summary>
    public bool Enabled => _error is not null;

    /// <summary>Reports <paramref name="done"/> of <paramref name="total"/> bytes.</summary>
    public void Report(long done, long total)
    {
        if (_error is null)
        {
            return;
        }

        var elapsed = _clock.Elapsed;
        if (elapsed < _delay || (_drawn && elapsed - _lastDraw < TimeSpan.FromMilliseconds(200)))
        {
            return;
        }

        _lastDraw = elapsed;
        var fraction = total > 0 ? Math.Clamp((double)done / total, 0, 1) : 0;
        var width = 30;
        var filled = (int)(fraction * width);
        var rate = done / 1e6 / Math.Max(elapsed.TotalSeconds, 1e-9);
        var eta = fraction > 0 ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - fraction) / fraction) : TimeSpan.Zero;
        _error.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r{_label} [{new string('#', filled)}{new string(' ', width - filled)}] {fraction * 100,5:0.0}%  {rate,6:0.0} MB/s  ETA {eta:mm\\:ss}   "));
        _error.Flush();
        _drawn = true;
    }

    /// <summary>Clears the bar's line if it was drawn.</summary>
    public void Dispose()
    {
        if (_drawn && _error is not null)
        {
            _error.Write("\r" + new string(' ', 80) + "\r");
            _error.Flush();
        }
    }
}
