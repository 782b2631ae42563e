using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartPulse.Notebooks.Kernel;

/// <summary>
/// A Jupyter connection file: where the five sockets bind (<c>transport://ip:port</c>) and the key
/// that signs every message (<c>signature_scheme</c> <c>hmac-sha256</c>; an empty key disables
/// signing, as Jupyter defines).
/// </summary>
/// <param name="Transport"><c>tcp</c> or <c>ipc</c>.</param>
/// <param name="IP">The address to bind (<c>127.0.0.1</c>, <c>0.0.0.0</c>, or an ipc path prefix).</param>
/// <param name="ShellPort">Shell (ROUTER) port.</param>
/// <param name="ControlPort">Control (ROUTER) port.</param>
/// <param name="StdinPort">Stdin (ROUTER) port.</param>
/// <param name="IOPubPort">IOPub (PUB) port.</param>
/// <param name="HeartbeatPort">Heartbeat (echo) port.</param>
/// <param name="Key">The HMAC key (UTF-8 text); empty for unsigned messages.</param>
/// <param name="SignatureScheme">Only <c>hmac-sha256</c> is supported.</param>
public sealed record ConnectionInfo(
    string Transport,
    string IP,
    int ShellPort,
    int ControlPort,
    int StdinPort,
    int IOPubPort,
    int HeartbeatPort,
    string Key,
    string SignatureScheme)
{
    /// <summary>The only signature scheme this kernel implements.</summary>
    public const string HmacSha256 = "hmac-sha256";

    /// <summary>Reads and validates a connection file.</summary>
    /// <param name="path">The file jupyter_client wrote.</param>
    /// <returns>The connection info.</returns>
    /// <exception cref="FormatException">The file is not valid JSON or misses a field; the message names it.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ConnectionInfo Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses connection-file JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">Where it came from, for error messages.</param>
    /// <returns>The connection info.</returns>
    /// <exception cref="FormatException">Invalid JSON, a missing or mistyped field, or an unsupported signature scheme.</exception>
    public static ConnectionInfo Parse(string json, string source = "connection file")
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException($"{source}: expected a JSON object.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: not valid JSON ({e.Message}).", e);
        }

        string Text(string name, string? fallback = null)
        {
            if (root[name] is JsonValue v && v.TryGetValue<string>(out var s))
            {
                return s;
            }

            return fallback ?? throw new FormatException($"{source}: missing string field '{name}'.");
        }

        int Port(string name)
        {
            if (root[name] is JsonValue v && v.TryGetValue<int>(out var port) && port is >= 0 and <= 65535)
            {
                return port;
            }

            throw new FormatException($"{source}: field '{name}' must be a port number 0..65535 (found {root[name]?.ToJsonString() ?? "nothing"}).");
        }

        var key = Text("key", "");
        var scheme = Text("signature_scheme", HmacSha256);
        if (key.Length > 0 && !string.Equals(scheme, HmacSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"{source}: signature_scheme '{scheme}' is not supported; use '{HmacSha256}'.");
        }

        var transport = Text("transport", "tcp");
        if (transport is not ("tcp" or "ipc"))
        {
            throw new FormatException($"{source}: transport '{transport}' is not supported; use 'tcp' or 'ipc'.");
        }

        return new ConnectionInfo(
            transport,
            Text("ip", "127.0.0.1"),
            Port("shell_port"),
            Port("control_port"),
            Port("stdin_port"),
            Port("iopub_port"),
            Port("hb_port"),
            key,
            scheme);
    }

    /// <summary>The ZeroMQ endpoint for <paramref name="port"/>: <c>tcp://ip:port</c> or <c>ipc://ip-port</c>.</summary>
    /// <param name="port">One of the ports.</param>
    /// <returns>The endpoint string.</returns>
    public string Endpoint(int port) => Transport == "ipc"
        ? string.Create(CultureInfo.InvariantCulture, $"ipc://{IP}-{port}")
        : string.Create(CultureInfo.InvariantCulture, $"tcp://{IP}:{port}");
}
