using System.IO.Pipes;
using System.Text;
using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Stdio;

namespace SmartPulse.Notebooks.Tests.Stdio;

/// <summary>
/// The stdio JSON-RPC host in process: requests go in through one pipe, replies and output
/// notifications come back through another, one JSON object per line.
/// </summary>
public sealed class StdioKernelHostTests : IAsyncLifetime
{
    private readonly AnonymousPipeServerStream _toHost = new(PipeDirection.Out);
    private readonly AnonymousPipeServerStream _fromHost = new(PipeDirection.In);
    private AnonymousPipeClientStream? _hostIn;
    private AnonymousPipeClientStream? _hostOut;
    private StdioKernelHost? _host;
    private Task? _running;
    private StreamWriter? _writer;
    private StreamReader? _reader;

    public Task InitializeAsync()
    {
        _hostIn = new AnonymousPipeClientStream(PipeDirection.In, _toHost.ClientSafePipeHandle);
        _hostOut = new AnonymousPipeClientStream(PipeDirection.Out, _fromHost.ClientSafePipeHandle);
        _host = new StdioKernelHost(_hostIn, _hostOut, new StdioKernelOptions { Log = TextWriter.Null });
        _running = _host.RunAsync();
        _writer = new StreamWriter(_toHost, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        _reader = new StreamReader(_fromHost, Encoding.UTF8);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _writer!.Dispose();
        await _running!.WaitAsync(TimeSpan.FromSeconds(30));
        _host!.Dispose();
        _reader!.Dispose();
        _hostIn!.Dispose();
        _hostOut!.Dispose();
    }

    [Fact]
    public async Task Initialize_reports_the_protocol_version_and_default_kernel()
    {
        var reply = await RequestAsync(1, "initialize");
        Assert.Equal(StdioKernelHost.ProtocolVersion, reply.Result["protocolVersion"]!.GetValue<int>());
        Assert.Equal("smartpulse", reply.Result["implementation"]!.GetValue<string>());
        Assert.Equal("csharp", reply.Result["defaultKernelName"]!.GetValue<string>());
        Assert.Empty(reply.Notifications);
    }

    [Fact]
    public async Task Execute_sends_outputs_tagged_with_the_request_before_its_reply()
    {
        var reply = await RequestAsync(7, "execute", new JsonObject { ["code"] = "var a = 20;\nConsole.Write(\"x\");\na + 22" });
        Assert.Equal("ok", reply.Result["status"]!.GetValue<string>());
        Assert.Equal(1, reply.Result["executionCount"]!.GetValue<int>());
        Assert.All(reply.Notifications, n => Assert.Equal(7, n["params"]!["executionId"]!.GetValue<int>()));
        var outputs = reply.Notifications.Select(n => n["params"]!["output"]!).ToList();
        Assert.Equal(["stream", "execute_result"], outputs.Select(o => o["output_type"]!.GetValue<string>()));
        Assert.Equal("x", outputs[0]["text"]!.GetValue<string>());
        Assert.Equal("42", outputs[1]["data"]!["text/plain"]!.GetValue<string>());

        var variables = await RequestAsync(8, "variables");
        var kernels = variables.Result["kernels"]!.AsArray();
        Assert.Equal(["csharp", "fsharp", "sql", "html", "javascript", "markdown", "mermaid", "value"], kernels.Select(k => k!["name"]!.GetValue<string>()));
        Assert.All(kernels.Skip(1), k => Assert.Empty(k!["variables"]!.AsArray()));
        var csharp = kernels[0]!;
        var a = Assert.Single(csharp["variables"]!.AsArray());
        Assert.Equal("a", a!["name"]!.GetValue<string>());
        Assert.Equal("Int32", a["type"]!.GetValue<string>());
        Assert.Equal("20", a["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failing_cell_sends_one_error_output_and_an_error_status()
    {
        var reply = await RequestAsync(1, "execute", new JsonObject { ["code"] = "int.Parse(\"abc\")" });
        Assert.Equal("error", reply.Result["status"]!.GetValue<string>());
        Assert.Equal("System.FormatException", reply.Result["ename"]!.GetValue<string>());
        Assert.Single(reply.Notifications, n => n["params"]!["output"]!["output_type"]!.GetValue<string>() == "error");
    }

    [Fact]
    public async Task A_kernel_the_engine_lacks_gets_an_error_listing_the_kernels_it_has()
    {
        var reply = await RequestAsync(1, "execute", new JsonObject { ["code"] = "Get-Date", ["kernelName"] = "pwsh" });
        Assert.Equal("error", reply.Result["status"]!.GetValue<string>());
        var error = reply.Notifications.Single()["params"]!["output"]!;
        Assert.Equal("error", error["output_type"]!.GetValue<string>());
        Assert.Contains("unknown kernel 'pwsh'", error["evalue"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("csharp, fsharp, sql, html, javascript, markdown, mermaid, value", error["evalue"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sql_and_mermaid_cells_run_by_kernel_name_share_one_counter_and_sql_completes_and_lists_variables()
    {
        var sql = await RequestAsync(1, "execute", new JsonObject
        {
            ["code"] = "#!sql --name totals\nSELECT g, SUM(v) AS s FROM (VALUES ('a', 1), ('a', 2), ('b', 5)) t(g, v) GROUP BY g ORDER BY g",
            ["kernelName"] = "sql",
        });
        Assert.Equal("ok", sql.Result["status"]!.GetValue<string>());
        Assert.Equal(1, sql.Result["executionCount"]!.GetValue<int>());
        var table = sql.Notifications.Single()["params"]!["output"]!["data"]!["text/html"]!.GetValue<string>();
        Assert.Contains("<table", table, StringComparison.Ordinal);
        Assert.Contains("<td>3</td>", table, StringComparison.Ordinal);

        // No #!mermaid line: the request's kernelName routes the cell (no prefixing by the host).
        var mermaid = await RequestAsync(2, "execute", new JsonObject { ["code"] = "graph LR\n  a --> b", ["kernelName"] = "mermaid" });
        Assert.Equal("ok", mermaid.Result["status"]!.GetValue<string>());
        Assert.Equal(2, mermaid.Result["executionCount"]!.GetValue<int>());
        var data = mermaid.Notifications.Single()["params"]!["output"]!["data"]!.AsObject();
        Assert.Contains("a --> b", data["text/vnd.mermaid"]!.GetValue<string>(), StringComparison.Ordinal);

        var complete = await RequestAsync(3, "complete", new JsonObject { ["code"] = "SEL", ["cursor"] = 3, ["kernelName"] = "sql" });
        Assert.Contains("SELECT", complete.Result["matches"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(0, complete.Result["cursor_start"]!.GetValue<int>());

        var variables = await RequestAsync(4, "variables");
        var sqlKernel = variables.Result["kernels"]!.AsArray().Single(k => k!["name"]!.GetValue<string>() == "sql")!;
        var totals = Assert.Single(sqlKernel["variables"]!.AsArray())!;
        Assert.Equal("totals", totals["name"]!.GetValue<string>());
        Assert.Equal("DataFrame", totals["type"]!.GetValue<string>());
        Assert.Equal("2 rows × 2 columns", totals["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Console_Clear_in_a_cell_reaches_the_client_through_the_composite_kernel()
    {
        var reply = await RequestAsync(1, "execute", new JsonObject { ["code"] = "Console.WriteLine(\"before\");\nConsole.Clear();\nConsole.WriteLine(\"after\");" });
        Assert.Equal("ok", reply.Result["status"]!.GetValue<string>());
        Assert.Equal(
            ["output:before\n", "clearOutput", "output:after\n"],
            reply.Notifications.Select(n => n["method"]!.GetValue<string>() == "output" ? "output:" + n["params"]!["output"]!["text"]!.GetValue<string>() : n["method"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Fsharp_cells_run_and_their_values_show_in_the_variables()
    {
        var reply = await RequestAsync(1, "execute", new JsonObject { ["code"] = "let xs = [1; 2; 3]\nList.sum xs", ["kernelName"] = "f#" });
        Assert.Equal("ok", reply.Result["status"]!.GetValue<string>());
        var result = reply.Notifications.Single()["params"]!["output"]!;
        Assert.Equal("execute_result", result["output_type"]!.GetValue<string>());
        Assert.Equal("6", result["data"]!["text/plain"]!.GetValue<string>());

        var variables = await RequestAsync(2, "variables");
        var fsharp = variables.Result["kernels"]!.AsArray().Single(k => k!["name"]!.GetValue<string>() == "fsharp")!;
        var xs = Assert.Single(fsharp["variables"]!.AsArray())!;
        Assert.Equal("xs", xs["name"]!.GetValue<string>());
        Assert.Equal("FSharpList<Int32>", xs["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Interrupt_is_answered_while_a_cell_runs_and_cancels_it()
    {
        // The cell says it started before it loops: interrupting after a fixed delay could, on a loaded machine, arrive
        // before the cell runs and find nothing to stop.
        await _writer!.WriteLineAsync("""{"jsonrpc":"2.0","id":1,"method":"execute","params":{"code":"Console.WriteLine(\"started\");\nwhile (true) { }"}}""");
        var started = await ReadAsync();
        Assert.Equal("output", started["method"]!.GetValue<string>());
        Assert.Equal("started\n", started["params"]!["output"]!["text"]!.GetValue<string>());
        await _writer.WriteLineAsync("""{"jsonrpc":"2.0","id":2,"method":"interrupt"}""");
        var first = await ReadAsync();
        Assert.Equal(2, first["id"]!.GetValue<int>());
        Assert.True(first["result"]!["interrupted"]!.GetValue<bool>());
        var second = await ReadAsync();
        while (second["method"] is not null)
        {
            // The cancelled cell's outputs (its "interrupted" error) come before its reply.
            Assert.Equal(1, second["params"]!["executionId"]!.GetValue<int>());
            second = await ReadAsync();
        }

        Assert.Equal(1, second["id"]!.GetValue<int>());
        Assert.Equal("cancelled", second["result"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_lines_and_unknown_methods_get_json_rpc_errors_and_the_host_goes_on()
    {
        await _writer!.WriteLineAsync("not json");
        var parse = await ReadAsync();
        Assert.Equal(-32700, parse["error"]!["code"]!.GetValue<int>());
        var unknown = await RequestRawAsync(3, "frobnicate");
        Assert.Equal(-32601, unknown["error"]!["code"]!.GetValue<int>());
        Assert.Contains("initialize, execute", unknown["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var missing = await RequestRawAsync(4, "execute", new JsonObject { ["kernelName"] = "csharp" });
        Assert.Equal(-32602, missing["error"]!["code"]!.GetValue<int>());
        Assert.Contains("params.code", missing["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var ok = await RequestAsync(5, "initialize");
        Assert.Equal(1, ok.Result["protocolVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task Shutdown_is_answered_after_the_requests_queued_before_it()
    {
        await _writer!.WriteLineAsync("""{"jsonrpc":"2.0","id":1,"method":"execute","params":{"code":"1 + 1"}}""");
        await _writer.WriteLineAsync("""{"jsonrpc":"2.0","id":2,"method":"shutdown"}""");
        var ids = new List<int>();
        while (ids.Count < 2)
        {
            var message = await ReadAsync();
            if (message["id"] is { } id)
            {
                ids.Add(id.GetValue<int>());
            }
        }

        Assert.Equal([1, 2], ids);
        await _running!.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private async Task<JsonObject> ReadAsync()
    {
        var line = await _reader!.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.NotNull(line);
        return Assert.IsType<JsonObject>(JsonNode.Parse(line));
    }

    private async Task<JsonObject> RequestRawAsync(int id, string method, JsonObject? parameters = null)
    {
        var request = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        await _writer!.WriteLineAsync(request.ToJsonString());
        while (true)
        {
            var message = await ReadAsync();
            if (message["id"] is { } got && got.GetValue<int>() == id)
            {
                return message;
            }
        }
    }

    private async Task<(JsonObject Result, List<JsonObject> Notifications)> RequestAsync(int id, string method, JsonObject? parameters = null)
    {
        var request = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        await _writer!.WriteLineAsync(request.ToJsonString());
        var notifications = new List<JsonObject>();
        while (true)
        {
            var message = await ReadAsync();
            if (message["method"] is not null)
            {
                notifications.Add(message);
                continue;
            }

            Assert.Equal(id, message["id"]!.GetValue<int>());
            Assert.Null(message["error"]);
            return (Assert.IsType<JsonObject>(message["result"]), notifications);
        }
    }
}
