using System.Globalization;
using System.Text.Json.Nodes;

namespace SmartPulse.Notebooks.Kernel;

/// <summary>
/// One Jupyter message (messaging protocol 5.3): routing identities, header, parent header,
/// metadata, content and binary buffers. Replies and broadcasts are built with <see cref="Create"/>,
/// whose header carries a fresh <c>msg_id</c>, the kernel's session and the protocol version.
/// </summary>
public sealed class JupyterMessage
{
    /// <summary>The protocol version this kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    /// <summary>ZeroMQ routing identities (the frames before <c>&lt;IDS|MSG&gt;</c>).</summary>
    public IReadOnlyList<byte[]> Identities { get; init; } = [];

    /// <summary>The header: <c>msg_id</c>, <c>session</c>, <c>username</c>, <c>date</c>, <c>msg_type</c>, <c>version</c>.</summary>
    public JsonObject Header { get; init; } = [];

    /// <summary>The header of the message this one answers; empty if none.</summary>
    public JsonObject ParentHeader { get; init; } = [];

    /// <summary>Metadata.</summary>
    public JsonObject Metadata { get; init; } = [];

    /// <summary>The message content.</summary>
    public JsonObject Content { get; init; } = [];

    /// <summary>Extra binary buffers after the content frame.</summary>
    public IReadOnlyList<byte[]> Buffers { get; init; } = [];

    /// <summary>The header's <c>msg_type</c> (empty if absent).</summary>
    public string MessageType => Text(Header, "msg_type");

    /// <summary>The header's <c>msg_id</c> (empty if absent).</summary>
    public string MessageId => Text(Header, "msg_id");

    /// <summary>Creates a message in reply to (or caused by) <paramref name="parent"/>.</summary>
    /// <param name="messageType">The <c>msg_type</c>.</param>
    /// <param name="content">The content.</param>
    /// <param name="parent">The request; null for none (for example the start-up status).</param>
    /// <param name="session">The kernel's session id.</param>
    /// <param name="identities">Routing identities; null for the parent's (replies go back to the sender).</param>
    /// <returns>The message.</returns>
    public static JupyterMessage Create(string messageType, JsonObject content, JupyterMessage? parent, string session, IReadOnlyList<byte[]>? identities = null) => new()
    {
        Identities = identities ?? parent?.Identities ?? [],
        Header = new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString("N"),
            ["session"] = session,
            ["username"] = "kernel",
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["msg_type"] = messageType,
            ["version"] = ProtocolVersion,
        },
        ParentHeader = parent is null ? [] : (JsonObject)parent.Header.DeepClone(),
        Content = content,
    };

    /// <summary>Reads a string field of <paramref name="content"/>, or <paramref name="fallback"/> when absent or not a string.</summary>
    /// <param name="content">A JSON object.</param>
    /// <param name="name">The field.</param>
    /// <param name="fallback">The default.</param>
    /// <returns>The value.</returns>
    public static string Text(JsonObject content, string name, string fallback = "") =>
        content[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : fallback;

    /// <summary>Reads a boolean field, or <paramref name="fallback"/> when absent or not a boolean.</summary>
    /// <param name="content">A JSON object.</param>
    /// <param name="name">The field.</param>
    /// <param name="fallback">The default.</param>
    /// <returns>The value.</returns>
    public static bool Flag(JsonObject content, string name, bool fallback) =>
        content[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : fallback;

    /// <summary>Reads an integer field, or <paramref name="fallback"/> when absent or not an integer.</summary>
    /// <param name="content">A JSON object.</param>
    /// <param name="name">The field.</param>
    /// <param name="fallback">The default.</param>
    /// <returns>The value.</returns>
    public static int Number(JsonObject content, string name, int fallback)
    {
        if (content[name] is JsonValue v)
        {
            if (v.TryGetValue<int>(out var i))
            {
                return i;
            }

            if (v.TryGetValue<double>(out var d) && d >= int.MinValue && d <= int.MaxValue)
            {
                return (int)d;
            }
        }

        return fallback;
    }
}
