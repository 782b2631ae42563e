using System.Text;

namespace SmartPulse.Notebooks.Execution;

/// <summary>
/// Replaces <see cref="Console.Out"/> and <see cref="Console.Error"/> once per process with writers
/// that send text to the running cell's <see cref="OutputCollector"/> (found through an
/// <see cref="AsyncLocal{T}"/>, so it is safe with async code and concurrent sessions) and to the
/// original console everywhere else.
/// </summary>
internal static class ConsoleRouter
{
    private static readonly object _gate = new();
    private static TextWriter? _installedOut;
    private static TextWriter? _installedError;

    public static void EnsureInstalled()
    {
        lock (_gate)
        {
            if (!ReferenceEquals(Console.Out, _installedOut))
            {
                Console.SetOut(new RoutingWriter(Console.Out, "stdout"));
                _installedOut = Console.Out;
            }

            if (!ReferenceEquals(Console.Error, _installedError))
            {
                Console.SetError(new RoutingWriter(Console.Error, "stderr"));
                _installedError = Console.Error;
            }
        }
    }

    private sealed class RoutingWriter(TextWriter fallback, string streamName) : TextWriter
    {
        public override Encoding Encoding => fallback.Encoding;

        public override IFormatProvider FormatProvider => fallback.FormatProvider;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            if (value is null)
            {
                return;
            }

            if (OutputCollector.Current is { } collector)
            {
                collector.WriteStream(streamName, value);
            }
            else
            {
                fallback.Write(value);
            }
        }

        public override void WriteLine(string? value) => Write((value ?? "") + new string(CoreNewLine));

        public override void Flush()
        {
            if (OutputCollector.Current is null)
            {
                fallback.Flush();
            }
        }
    }
}
