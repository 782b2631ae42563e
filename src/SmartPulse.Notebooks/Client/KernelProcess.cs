using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Kernel;

namespace SmartPulse.Notebooks.Client;

/// <summary>
/// A kernel process started from a <see cref="KernelLaunch"/>: a fresh connection file (five free
/// loopback ports, a random HMAC key) in a private temp folder, the notebook's folder as working
/// directory, <c>JPY_PARENT_PID</c> set to this process (so the kernel exits if the runner dies), and
/// the last lines of its stderr kept for error messages. Disposing kills it if it is still running
/// and deletes the connection file.
/// </summary>
public sealed class KernelProcess : IDisposable
{
    private const int StderrTailLines = 30;

    // The .NET runtime's first line when it ends a process (stack overflow, unhandled or fatal error);
    // a long stack trace follows it, so it is kept even when it falls out of the tail.
    private static readonly string[] _runtimeCrashHeadlines = ["Stack overflow.", "Unhandled exception.", "Fatal error.", "Process terminated.", "Out of memory."];
    private static readonly object _portGate = new();
    private readonly Process _process;
    private readonly Queue<string> _stderr = new();
    private string? _crashHeadline;
    private long _crashHeadlineLine = -1;
    private long _stderrLines;
    private readonly string _folder;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _disposed;

    private KernelProcess(Process process, ConnectionInfo connection, string folder)
    {
        _process = process;
        Connection = connection;
        _folder = folder;
    }

    /// <summary>Where the kernel listens, and its key.</summary>
    public ConnectionInfo Connection { get; }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Completes with the exit code when the process ends.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>Starts the kernel.</summary>
    /// <param name="launch">The kernelspec.</param>
    /// <param name="workingDirectory">The notebook's folder (null for the current directory).</param>
    /// <returns>The running process.</returns>
    /// <exception cref="InvalidOperationException">The program could not be started; the message names it.</exception>
    public static KernelProcess Start(KernelLaunch launch, string? workingDirectory)
    {
        var folder = Path.Combine(Path.GetTempPath(), "smartpulse-kernels", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connection = FreeConnection();
        var connectionFile = Path.Combine(folder, "kernel.json");
        File.WriteAllText(connectionFile, new JsonObject
        {
            ["transport"] = connection.Transport,
            ["ip"] = connection.IP,
            ["shell_port"] = connection.ShellPort,
            ["control_port"] = connection.ControlPort,
            ["stdin_port"] = connection.StdinPort,
            ["iopub_port"] = connection.IOPubPort,
            ["hb_port"] = connection.HeartbeatPort,
            ["key"] = connection.Key,
            ["signature_scheme"] = connection.SignatureScheme,
            ["kernel_name"] = launch.Name,
        }.ToJsonString());

        var argv = launch.Argv.Select(a => a.Replace(KernelLaunch.ConnectionFilePlaceholder, connectionFile, StringComparison.Ordinal)).ToList();
        var info = new ProcessStartInfo(argv[0])
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in argv.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in launch.Environment)
        {
            info.Environment[name] = value;
        }

        info.Environment["JPY_PARENT_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var process = new Process { StartInfo = info };
        var kernel = new KernelProcess(process, connection, folder);
        process.ErrorDataReceived += (_, e) => kernel.AddStderr(e.Data);
        process.OutputDataReceived += (_, _) => { };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            kernel.Dispose();
            throw new InvalidOperationException($"cannot start the kernel '{launch.Name}' ({argv[0]}): {e.Message}", e);
        }

        process.StandardInput.Close();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _ = kernel.WatchAsync();
        return kernel;
    }

    /// <summary>
    /// The last lines the kernel wrote to stderr (up to 30), joined with newlines. When the .NET runtime ended
    /// the process with a headline such as <c>Stack overflow.</c> that the stack trace after it pushed out of
    /// the tail, that headline comes first, followed by <c>...</c>.
    /// </summary>
    /// <returns>The tail, or an empty string.</returns>
    public string StderrTail()
    {
        lock (_stderr)
        {
            var tail = string.Join("\n", _stderr);
            var headlineOutOfTail = _crashHeadline is not null && _crashHeadlineLine < _stderrLines - _stderr.Count;
            return headlineOutOfTail ? $"{_crashHeadline}\n   ...\n{tail}" : tail;
        }
    }

    /// <summary>Describes an exit code: <c>exit 134</c>, or with the signal for codes above 128 on Unix (<c>exit 137, killed by SIGKILL</c>).</summary>
    /// <param name="code">The exit code.</param>
    /// <returns>The text.</returns>
    public static string DescribeExit(int code)
    {
        var signal = !OperatingSystem.IsWindows() && code is > 128 and < 160 ? code - 128 : 0;
        var name = signal switch
        {
            6 => "SIGABRT",
            9 => "SIGKILL",
            11 => "SIGSEGV",
            15 => "SIGTERM",
            2 => "SIGINT",
            _ => signal > 0 ? $"signal {signal}" : null,
        };
        return name is null ? $"exit {code}" : $"exit {code}, {(signal == 9 ? "killed by" : "ended by")} {name}";
    }

    /// <summary>Sends SIGINT (Unix) to the kernel, as Jupyter does for kernels without <c>interrupt_mode: "message"</c>.</summary>
    public void SendInterruptSignal()
    {
        if (!OperatingSystem.IsWindows() && !HasExited)
        {
            _ = Kill(_process.Id, 2);
        }
    }

    /// <summary>Kills the process tree if it is still running.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Kill();
        try
        {
            if (!_process.WaitForExit(5000))
            {
                // Still dying; the OS reaps it.
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
#pragma warning disable SYSLIB1054 // a one-line P/Invoke; LibraryImport needs unsafe code generation
    private static extern int Kill(int pid, int signal);
#pragma warning restore SYSLIB1054

    private static int SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    private static ConnectionInfo FreeConnection()
    {
        // Hold all five listeners open at once so the ports differ; serialised so that concurrent
        // notebooks (--jobs) never pick the same port.
        lock (_portGate)
        {
            var listeners = Enumerable.Range(0, 5).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
            try
            {
                listeners.ForEach(l => l.Start());
                var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
                var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
                return new ConnectionInfo("tcp", "127.0.0.1", ports[0], ports[1], ports[2], ports[3], ports[4], key, ConnectionInfo.HmacSha256);
            }
            finally
            {
                listeners.ForEach(l => l.Stop());
            }
        }
    }

    private async Task WatchAsync()
    {
        // WaitForExitAsync also waits for the end of stderr, so the tail is complete when Exited completes.
        await _process.WaitForExitAsync().ConfigureAwait(false);
        _exited.TrySetResult(SafeExitCode(_process));
    }

    private void AddStderr(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stderr)
        {
            if (Array.Exists(_runtimeCrashHeadlines, h => line.StartsWith(h, StringComparison.Ordinal)))
            {
                _crashHeadline = line;
                _crashHeadlineLine = _stderrLines;
            }

            _stderrLines++;
            _stderr.Enqueue(line);
            while (_stderr.Count > StderrTailLines)
            {
                _stderr.Dequeue();
            }
        }
    }
}
