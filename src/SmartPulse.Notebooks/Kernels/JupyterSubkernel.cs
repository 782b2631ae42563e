using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Data.Analysis;
using SmartPulse.DuckDb;
using SmartPulse.Notebooks.Client;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;
using SmartPulse.Notebooks.Kernel;

namespace SmartPulse.Notebooks.Kernels;

/// <summary>
/// A kernel added with <c>#!connect jupyter --kernel-name NAME --kernel-spec SPEC</c>: cells are sent to
/// a Jupyter kernel process started from the installed kernelspec, its outputs come back as the cell's
/// outputs (ANSI colour codes removed from tracebacks), completion and inspection are forwarded. With a
/// Python kernel, <c>#!share</c>/<c>#!set</c> carry scalars and lists as JSON and pandas DataFrames as CSV
/// (read back through DuckDB, which types columns from the whole file).
/// </summary>
internal sealed partial class JupyterSubkernel : ISubkernel
{
    private const string PythonHelpers = """
import json as __sp_json
def __sp_get(name):
    v = globals()[name]
    try:
        import pandas as __sp_pd
        if isinstance(v, __sp_pd.DataFrame):
            return {"kind": "dataframe", "csv": v.to_csv(index=False)}
        if isinstance(v, __sp_pd.Series):
            v = v.tolist()
    except ImportError:
        pass
    try:
        import numpy as __sp_np
        if isinstance(v, __sp_np.ndarray):
            v = v.tolist()
        elif isinstance(v, __sp_np.generic):
            v = v.item()
    except ImportError:
        pass
    return {"kind": "json", "value": v}
def __sp_names():
    import types
    return sorted(n for n, v in globals().items() if not n.startswith('_') and n not in ('In', 'Out', 'exit', 'quit', 'get_ipython') and not isinstance(v, types.ModuleType) and not callable(v))
""";

    private static readonly TimeSpan _startupTimeout = TimeSpan.FromSeconds(60);
    private readonly KernelSession _client;
    private readonly string _spec;

    private JupyterSubkernel(string name, string spec, KernelSession client)
    {
        Name = name;
        _spec = spec;
        _client = client;
    }

    public string Name { get; }

    public string Description => $"Jupyter kernel '{_spec}' ({_client.KernelInfo["language_info"]?["name"]?.GetValue<string>() ?? "?"} {_client.KernelInfo["language_info"]?["version"]?.GetValue<string>() ?? ""})".Replace(" )", ")", StringComparison.Ordinal);

    private bool IsPython => _client.Language == "python";

    public IReadOnlyList<string> VariableNames
    {
        get
        {
            if (!IsPython || _client.DeadReason is not null)
            {
                return [];
            }
            var text = Silent("print(__sp_json.dumps(__sp_names()))");
            return JsonNode.Parse(text) is JsonArray a ? [.. a.Select(n => n!.GetValue<string>())] : [];
        }
    }

    public static async Task<JupyterSubkernel> StartAsync(string name, string spec, string workingDirectory, IReadOnlyList<string>? specDirectories, CancellationToken cancellationToken)
    {
        KernelLaunch? launch;
        try
        {
            launch = KernelSpecCatalog.Find(spec, specDirectories);
        }
        catch (FormatException e)
        {
            throw new MagicException($"Kernelspec '{spec}' is broken: {e.Message} Reinstall it.");
        }

        if (launch is null)
        {
            var installed = KernelSpecCatalog.Installed(specDirectories);
            throw new MagicException(
                $"No Jupyter kernelspec named '{spec}' is installed (searched {string.Join(", ", KernelSpecCatalog.KernelFolders(specDirectories))}). "
                + $"Installed: {(installed.Count == 0 ? "none" : string.Join(", ", installed))}. To fix: {KernelSpecCatalog.InstallHint(spec)}.");
        }

        KernelSession client;
        try
        {
            client = await KernelSession.StartAsync(launch, workingDirectory, _startupTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (KernelStartException e)
        {
            throw new MagicException($"Kernel '{spec}' failed to start: {e.Message} To fix: {KernelSpecCatalog.InstallHint(spec)}.");
        }

        var kernel = new JupyterSubkernel(name, spec, client);
        if (kernel.IsPython)
        {
            kernel.Silent(PythonHelpers);
        }
        return kernel;
    }

    public async Task<CellStatus> RunAsync(CellSegment segment, KernelContext context)
    {
        var code = MimeSubkernel.Trim(segment.Code);
        var failed = false;
        var reply = await RequestAsync(
            "execute_request",
            new JsonObject { ["code"] = code, ["silent"] = false, ["store_history"] = true, ["user_expressions"] = new JsonObject(), ["allow_stdin"] = false, ["stop_on_error"] = true },
            context.Timeout ?? TimeSpan.FromDays(1),
            message => failed |= Publish(message, context),
            context.CancellationToken).ConfigureAwait(false);
        if (!failed && JupyterMessage.Text(reply, "status") == "error")
        {
            context.Error(CellOutput.Error(JupyterMessage.Text(reply, "ename", "Error"), JupyterMessage.Text(reply, "evalue"), []));
            failed = true;
        }
        return failed ? CellStatus.Error : CellStatus.Ok;
    }

    public bool TryGetVariable(string name, out object? value)
    {
        value = null;
        RequirePython("share a variable from");
        if (!VariableNames.Contains(name, StringComparer.Ordinal))
        {
            return false;
        }
        var payload = JsonNode.Parse(Silent($"print(__sp_json.dumps(__sp_get({JsonSerializer.Serialize(name)})))")) as JsonObject
            ?? throw new MagicException($"Kernel {Name} returned no value for '{name}'.");
        value = JupyterMessage.Text(payload, "kind") == "dataframe" ? FromCsv(JupyterMessage.Text(payload, "csv")) : FromJson(payload["value"]);
        return true;
    }

    public Task SetVariableAsync(string name, object? value, KernelContext context)
    {
        RequirePython("share a variable into");
        if (!IdentifierPattern().IsMatch(name))
        {
            throw new MagicException($"'{name}' is not a valid Python name.");
        }
        var code = value is DataFrame frame
            ? $"import io as __sp_io, pandas as __sp_pd\n{name} = __sp_pd.read_csv(__sp_io.StringIO({JsonSerializer.Serialize(ToCsv(frame))}))"
            : $"{name} = __sp_json.loads({JsonSerializer.Serialize(JsonSerializer.Serialize(value))})";
        Silent(code);
        return Task.CompletedTask;
    }

    public JsonObject? Complete(string code, int cursor) =>
        Request("complete_request", new JsonObject { ["code"] = code, ["cursor_pos"] = cursor }, TimeSpan.FromSeconds(30));

    public JsonObject? Inspect(string code, int cursor, int detailLevel) =>
        Request("inspect_request", new JsonObject { ["code"] = code, ["cursor_pos"] = cursor, ["detail_level"] = detailLevel }, TimeSpan.FromSeconds(30));

    public void Dispose() => _client.ShutdownAsync().GetAwaiter().GetResult();

    internal static string ToCsv(DataFrame frame)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', frame.Columns.Select(c => Quote(c.Name))).Append('\n');
        for (long r = 0; r < frame.Rows.Count; r++)
        {
            text.AppendJoin(',', frame.Columns.Select(c => c[r] switch
            {
                null => "",
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                float f => f.ToString("R", CultureInfo.InvariantCulture),
                DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
                bool b => b ? "True" : "False",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var o => Quote(o.ToString() ?? ""),
            })).Append('\n');
        }
        return text.ToString();
    }

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    private static DataFrame FromCsv(string csv)
    {
        var file = Path.Combine(Path.GetTempPath(), $"smartpulse-share-{Environment.ProcessId}-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, csv);
        try
        {
            using var db = DuckDbDatabase.OpenInMemory();
            return db.Query($"SELECT * FROM read_csv({SqlText.QuoteLiteral(file)}, header = true, auto_detect = true, sample_size = -1)");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static object? FromJson(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonArray a:
                var items = a.Select(FromJson).ToList();
                if (items.Count > 0 && items.All(i => i is long))
                {
                    return items.Cast<long>().ToArray();
                }
                if (items.Count > 0 && items.All(i => i is long or double))
                {
                    return items.Select(i => Convert.ToDouble(i, CultureInfo.InvariantCulture)).ToArray();
                }
                if (items.Count > 0 && items.All(i => i is string))
                {
                    return items.Cast<string>().ToArray();
                }
                return items.ToArray();
            case JsonObject o:
                return o.ToDictionary(p => p.Key, p => FromJson(p.Value));
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                return v.GetValue<string>();
            case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return v.GetValue<bool>();
            case JsonValue v when long.TryParse(v.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l):
                return l;
            default:
                return double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);
        }
    }

    private void RequirePython(string what)
    {
        if (!IsPython)
        {
            throw new MagicException($"Kernel {Name} runs {_client.Language}; #!share/#!set can {what} Python kernels only.");
        }
    }

    private string Silent(string code)
    {
        var output = new StringBuilder();
        string? error = null;
        Request("execute_request", new JsonObject { ["code"] = code, ["silent"] = true, ["store_history"] = false, ["user_expressions"] = new JsonObject(), ["allow_stdin"] = false },
            TimeSpan.FromMinutes(5), m =>
            {
                if (m.MessageType == "stream")
                {
                    output.Append(JupyterMessage.Text(m.Content, "text"));
                }
                else if (m.MessageType == "error")
                {
                    error = $"{JupyterMessage.Text(m.Content, "ename")}: {JupyterMessage.Text(m.Content, "evalue")}";
                }
            });
        return error is null ? output.ToString() : throw new MagicException($"Kernel {Name}: {error}");
    }

    /// <summary>A request to the connected kernel; a dead or silent kernel becomes a <see cref="MagicException"/> that says so.</summary>
    private async Task<JsonObject> RequestAsync(string type, JsonObject content, TimeSpan timeout, Action<JupyterMessage>? onIOPub, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.RequestAsync(type, content, timeout, onIOPub, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            throw new MagicException($"The connected kernel died: {e.Message}. Later cells that use it fail; reconnect it with #!connect jupyter (rerun the notebook).");
        }
        catch (TimeoutException e)
        {
            throw new MagicException($"The connected kernel {Name}: {e.Message}.");
        }
    }

    // Completion, inspection, #!share and #!who are synchronous in ISubkernel; the client's poller thread answers, so blocking here cannot deadlock.
    private JsonObject Request(string type, JsonObject content, TimeSpan timeout, Action<JupyterMessage>? onIOPub = null) =>
        RequestAsync(type, content, timeout, onIOPub, CancellationToken.None).GetAwaiter().GetResult();

    private static bool Publish(JupyterMessage message, KernelContext context)
    {
        var c = message.Content;
        switch (message.MessageType)
        {
            case "stream":
                context.Collector.WriteStream(JupyterMessage.Text(c, "name", "stdout"), JupyterMessage.Text(c, "text"));
                return false;
            case "display_data" or "update_display_data":
                context.Collector.AddDisplay(c["data"] as JsonObject is { } d ? (JsonObject)d.DeepClone() : []);
                return false;
            case "execute_result":
                context.Collector.Add(new CellOutput(CellOutput.ExecuteResultType) { Data = c["data"] is JsonObject r ? (JsonObject)r.DeepClone() : [], ExecutionCount = context.ExecutionCount });
                return false;
            case "error":
                var traceback = (c["traceback"] as JsonArray)?.Select(t => Ansi().Replace(t?.GetValue<string>() ?? "", "")).ToList() ?? [];
                context.Error(CellOutput.Error(JupyterMessage.Text(c, "ename"), JupyterMessage.Text(c, "evalue"), traceback));
                return true;
            default:
                return false;
        }
    }

    [GeneratedRegex("\u001b\\[[0-9;]*[A-Za-z]")]
    private static partial Regex Ansi();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();
}
