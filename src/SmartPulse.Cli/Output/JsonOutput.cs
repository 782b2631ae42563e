using System.Text;
using System.Text.Json;

namespace SmartPulse.Cli.Output;

/// <summary>Helpers for the commands' <c>--json</c> output: indented UTF-8 (text unescaped except what JSON requires: it goes to a terminal or a parser, never into HTML), non-finite numbers as null.</summary>
public static class JsonOutput
{
    /// <summary>Writes <paramref name="value"/> as a number, or null when it is missing, NaN or infinite.</summary>
    public static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Runs <paramref name="write"/> on an indented writer and returns the text with a final newline.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
