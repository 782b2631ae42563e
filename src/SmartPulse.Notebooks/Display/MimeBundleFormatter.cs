using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;
using SmartPulse.Notebooks.Documents;

namespace SmartPulse.Notebooks.Display;

/// <summary>
/// Turns a value into a Jupyter mime bundle through Microsoft.DotNet.Interactive.Formatting, so
/// formatters a library registers with <c>Formatter.Register&lt;T&gt;(..., mimeType)</c> apply.
/// Without explicit mime types the bundle holds every mime type a formatter was registered for
/// the value's type (the Formatting package's preferred types plus user registrations for
/// <c>text/html</c>, <c>text/markdown</c>, <c>image/svg+xml</c> and JSON types), and always
/// <c>text/plain</c>. JSON mime types (<c>application/json</c>, <c>application/*+json</c>) are stored
/// as JSON values when the formatted text parses.
/// </summary>
public static class MimeBundleFormatter
{
    private static readonly string[] _probedMimeTypes =
    [
        "text/html",
        "text/markdown",
        "image/svg+xml",
        "application/json",
        "application/vnd.plotly.v1+json",
    ];

    /// <summary>Formats <paramref name="value"/>.</summary>
    /// <param name="value">The value (null is shown as <c>&lt;null&gt;</c>).</param>
    /// <param name="mimeTypes">Mime types asked for; empty for the value's preferred ones.</param>
    /// <returns>The mime bundle; always includes <c>text/plain</c>.</returns>
    public static JsonObject Format(object? value, IReadOnlyList<string>? mimeTypes = null)
    {
        var mimes = new List<string>();
        if (mimeTypes is { Count: > 0 })
        {
            mimes.AddRange(mimeTypes);
        }
        else if (value is not null and not string)
        {
            var type = value.GetType();
            mimes.AddRange(Formatter.GetPreferredMimeTypesFor(type));
            mimes.AddRange(_probedMimeTypes.Where(m => HasUserFormatter(type, m)));
        }

        if (!mimes.Contains(PlainTextFormatter.MimeType))
        {
            mimes.Add(PlainTextFormatter.MimeType);
        }

        var data = new JsonObject();
        foreach (var mime in mimes.Distinct(StringComparer.Ordinal))
        {
            var text = value is string s && mimeTypes is { Count: > 0 }
                ? s
                : value is null ? "<null>" : value.ToDisplayString(mime);
            data[mime] = IpynbFormat.IsJsonMimeType(mime) ? ParseJson(text) : text;
        }

        return data;
    }

    private static bool HasUserFormatter(Type type, string mimeType) =>
        Formatter.RegisteredFormatters().Any(f => f.MimeType == mimeType && f.Type.IsAssignableFrom(type) && f.Type != typeof(object));

    private static JsonNode? ParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text) ?? JsonValue.Create(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
