using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartPulse.Notebooks.Documents;

/// <summary>JSON with keys sorted (ordinal), as Jupyter's writer stores notebooks.</summary>
internal static class SortedJson
{
    private static readonly JsonSerializerOptions _compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes <paramref name="node"/> with sorted keys. JSON mime payloads (<c>application/json</c>,
    /// <c>application/*+json</c>) go on one line: indented one value per line, a figure of a few thousand points takes
    /// several times the bytes (readers accept both).
    /// </summary>
    public static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                writer.WriteStartObject();
                foreach (var (key, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    if (value is JsonObject or JsonArray && IpynbFormat.IsJsonMimeType(key))
                    {
                        writer.WriteRawValue(Sorted(value)!.ToJsonString(_compact));
                    }
                    else
                    {
                        Write(writer, value);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonArray a:
                writer.WriteStartArray();
                foreach (var item in a)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>A deep copy of <paramref name="node"/> with every object's keys sorted.</summary>
    public static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };
}
