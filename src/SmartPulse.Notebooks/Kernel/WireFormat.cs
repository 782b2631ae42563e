using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartPulse.Notebooks.Kernel;

/// <summary>
/// The Jupyter wire format: <c>[identities..., "&lt;IDS|MSG&gt;", signature, header, parent_header,
/// metadata, content, buffers...]</c>. Parsing verifies the signature before looking at the JSON, and
/// never throws: a malformed or wrongly signed message yields an error text instead.
/// </summary>
public static class WireFormat
{
    /// <summary>The delimiter frame between routing identities and the message.</summary>
    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    private static readonly JsonSerializerOptions _json = new() { WriteIndented = false };

    /// <summary>Serialises <paramref name="message"/> into frames, signing it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="signer">The signer.</param>
    /// <returns>The frames, identities first.</returns>
    public static List<byte[]> Serialize(JupyterMessage message, MessageSigner signer)
    {
        var parts = new List<byte[]>
        {
            Encode(message.Header),
            Encode(message.ParentHeader),
            Encode(message.Metadata),
            Encode(message.Content),
        };
        var frames = new List<byte[]>(message.Identities.Count + 6 + message.Buffers.Count);
        frames.AddRange(message.Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(parts)));
        frames.AddRange(parts);
        frames.AddRange(message.Buffers);
        return frames;
    }

    /// <summary>Parses received frames.</summary>
    /// <param name="frames">The frames as received.</param>
    /// <param name="signer">Verifies the signature.</param>
    /// <param name="message">The message when parsing succeeded.</param>
    /// <param name="error">Why it failed: no delimiter, too few frames, bad signature, invalid JSON.</param>
    /// <returns>Whether the frames hold a validly signed, well-formed message.</returns>
    public static bool TryParse(IReadOnlyList<byte[]> frames, MessageSigner signer, out JupyterMessage? message, out string? error)
    {
        message = null;
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter))
            {
                delimiter = i;
                break;
            }
        }

        if (delimiter < 0)
        {
            error = $"no <IDS|MSG> delimiter among {frames.Count} frame(s)";
            return false;
        }

        if (frames.Count < delimiter + 6)
        {
            error = $"expected signature, header, parent_header, metadata and content after the delimiter, got {frames.Count - delimiter - 1} frame(s)";
            return false;
        }

        var signature = Encoding.ASCII.GetString(frames[delimiter + 1]);
        var parts = new[] { frames[delimiter + 2], frames[delimiter + 3], frames[delimiter + 4], frames[delimiter + 5] };
        if (!signer.Verify(signature, parts))
        {
            error = signature.Length == 0 ? "missing signature" : "invalid signature";
            return false;
        }

        var objects = new JsonObject[4];
        string[] names = ["header", "parent_header", "metadata", "content"];
        for (var i = 0; i < 4; i++)
        {
            if (!System.Text.Unicode.Utf8.IsValid(parts[i]))
            {
                error = $"{names[i]} is not valid UTF-8";
                return false;
            }

            try
            {
                objects[i] = parts[i].Length == 0
                    ? []
                    : JsonNode.Parse(parts[i]) as JsonObject ?? throw new JsonException("not a JSON object");
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or DecoderFallbackException)
            {
                error = $"{names[i]} is not a JSON object ({e.Message})";
                return false;
            }
        }

        if (JupyterMessage.Text(objects[0], "msg_type").Length == 0)
        {
            error = "header has no msg_type";
            return false;
        }

        message = new JupyterMessage
        {
            Identities = [.. frames.Take(delimiter)],
            Header = objects[0],
            ParentHeader = objects[1],
            Metadata = objects[2],
            Content = objects[3],
            Buffers = [.. frames.Skip(delimiter + 6)],
        };
        error = null;
        return true;
    }

    private static byte[] Encode(JsonObject value) => JsonSerializer.SerializeToUtf8Bytes(value, _json);
}
