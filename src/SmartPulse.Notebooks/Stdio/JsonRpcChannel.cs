using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartPulse.Notebooks.Stdio;

/// <summary>
/// The writing side of the stdio protocol: JSON-RPC 2.0 messages, one UTF-8 JSON object per line
/// (the JSON never contains a raw newline, so a line is a message). Thread-safe: outputs are sent
/// from the executing cell's threads while replies come from the worker.
/// </summary>
internal sealed class JsonRpcChannel(Stream output)
{
    /// <summary>JSON-RPC: the method does not exist.</summary>
    public const int MethodNotFound = -32601;

    /// <summary>JSON-RPC: the params are not what the method takes.</summary>
    public const int InvalidParams = -32602;

    /// <summary>JSON-RPC: the line is not JSON.</summary>
    public const int ParseError = -32700;

    /// <summary>JSON-RPC: the message is not a request.</summary>
    public const int InvalidRequest = -32600;

    private static readonly JsonSerializerOptions _options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly object _gate = new();
    private readonly Stream _output = output;
    private bool _closed;

    /// <summary>Sends a successful reply to the request <paramref name="id"/>.</summary>
    /// <param name="id">The request's id (number or string).</param>
    /// <param name="result">The result.</param>
    public void Reply(JsonNode? id, JsonNode? result) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone(), ["result"] = result });

    /// <summary>Sends an error reply to the request <paramref name="id"/>.</summary>
    /// <param name="id">The request's id; null when it could not be read.</param>
    /// <param name="code">The JSON-RPC error code.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    public void Error(JsonNode? id, int code, string message) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone(), ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    /// <summary>Sends a notification (no reply expected).</summary>
    /// <param name="method">The method name.</param>
    /// <param name="parameters">Its params.</param>
    public void Notify(string method, JsonObject parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Stops sending (the client has gone).</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
        }
    }

    private void Send(JsonObject message)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString(_options) + "\n");
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            try
            {
                _output.Write(bytes);
                _output.Flush();
            }
            catch (IOException)
            {
                _closed = true;
            }
        }
    }
}
