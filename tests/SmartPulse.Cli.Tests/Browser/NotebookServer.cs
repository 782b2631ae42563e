using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace SmartPulse.Cli.Tests.Browser;

/// <summary>
/// Debian's classic Jupyter Notebook (6.x) on a loopback port with a random token, with the SmartPulse kernelspec
/// installed by the real <c>smartpulse kernel install --prefix</c> under a private JUPYTER_PATH (the user's Jupyter setup
/// is never read or touched). Disposing stops the server and its kernels by PID.
/// </summary>
internal sealed class NotebookServer : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private NotebookServer(Process process, string url, string token)
    {
        _process = process;
        Url = url;
        Token = token;
    }

    /// <summary>The server's base address, ending with '/'.</summary>
    public string Url { get; }

    /// <summary>The access token.</summary>
    public string Token { get; }

    /// <summary>What the server printed so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The environment for Jupyter processes: private JUPYTER_* folders under <paramref name="root"/>.</summary>
    public static Dictionary<string, string?> Environment(string root) => new()
    {
        ["JUPYTER_PATH"] = Path.Combine(root, "prefix", "share", "jupyter"),
        ["JUPYTER_DATA_DIR"] = Path.Combine(root, "data"),
        ["JUPYTER_RUNTIME_DIR"] = Path.Combine(root, "runtime"),
        ["JUPYTER_CONFIG_DIR"] = Path.Combine(root, "config"),
        ["JUPYTER_PLATFORM_DIRS"] = "1",
        ["PYTHONDONTWRITEBYTECODE"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",

        // A live front end: charts carry their drawing fallback and plotly.js once per kernel process.
        ["SMARTPULSE_OUTPUT_TARGET"] = null,
    };

    /// <summary>Installs the kernelspec under <paramref name="root"/>/prefix and starts the server on <paramref name="notebookDirectory"/>.</summary>
    public static async Task<NotebookServer> StartAsync(string root, string notebookDirectory)
    {
        var env = Environment(root);
        var dll = await BrowserTools.CliDllAsync();
        var (code, output) = await BrowserTools.RunAsync("dotnet", [dll, "kernel", "install", "--prefix", Path.Combine(root, "prefix")], root, env, TimeSpan.FromMinutes(2));
        Assert.True(code == 0, $"smartpulse kernel install failed (exit {code}):\n{output}");

        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var start = new ProcessStartInfo(BrowserTools.JupyterNotebook) { WorkingDirectory = notebookDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--no-browser", "--ip=127.0.0.1", $"--port={port}", "--port-retries=0", $"--NotebookApp.token={token}", $"--notebook-dir={notebookDirectory}", "--allow-root" })
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env)
        {
            start.Environment[k] = v;
        }

        var server = new NotebookServer(Process.Start(start)!, $"http://127.0.0.1:{port}/", token);
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await server.WaitUntilUpAsync(TimeSpan.FromSeconds(90));
        return server;
    }

    /// <summary>Stops the server and every kernel it started (the process tree of its PID).</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private async Task WaitUntilUpAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"jupyter-notebook exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{Log}");
            try
            {
                using var response = await http.GetAsync($"{Url}api/status?token={Token}");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // slow machine
            }

            await Task.Delay(500);
        }

        Assert.Fail($"jupyter-notebook did not answer on {Url} within {timeout}:\n{Log}");
    }
}
