using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using NetMQ;
using SmartPulse.Notebooks.Client;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Kernel;
using SmartPulse.Notebooks.Kernels;

namespace SmartPulse.Cli.Commands;

/// <summary>
/// <c>smartpulse kernel CONNECTION_FILE [--verbose] [--log-file PATH] [--warm-up fsharp,sql]</c>: runs the C# Jupyter kernel (messaging protocol 5.3)
/// on the sockets of a connection file written by Jupyter; <c>smartpulse kernel install</c> and
/// <c>smartpulse kernel uninstall</c> manage its kernelspec. SIGINT interrupts the running cell
/// (the kernel keeps running); SIGTERM stops the kernel, and so does the death of the process that
/// launched it (<c>JPY_PARENT_PID</c>, else the parent process). The kernel logs only when asked. Exit codes: 0 after a shutdown request,
/// 2 for a missing or unreadable connection file.
/// </summary>
public static class KernelCommand
{
    /// <summary>Builds the command with its <c>install</c> and <c>uninstall</c> sub-commands.</summary>
    /// <param name="console">Where messages go.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var connectionFile = new Argument<string?>("CONNECTION_FILE")
        {
            Description = "The connection file Jupyter passes as {connection_file} (transport, ip, ports, key).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var verbose = new Option<bool>("--verbose") { Description = "Write the kernel's log lines (sockets, dropped messages, interrupts) to stderr." };
        var logFile = new Option<string?>("--log-file") { Description = "Append the kernel's log lines to this file. Without it or --verbose the kernel logs nothing (also: SMARTPULSE_KERNEL_LOG=stderr|PATH)." };
        var warmUp = new Option<string[]>(KernelLaunch.WarmUpOption)
        {
            Description = "Start these subkernels in the background at once (fsharp, sql; comma-separated or repeated), so the first F# or SQL cell does not wait for their start. smartpulse run passes the ones its notebook uses; without it they start on first use.",
            AllowMultipleArgumentsPerToken = false,
        };
        var stdio = new Option<bool>("--stdio")
        {
            Description = "Serve the kernel as JSON-RPC over standard input/output (one JSON object per line) instead of Jupyter sockets; used by the SmartPulse VS Code extension.",
        };
        var command = new Command("kernel", "Run the C# Jupyter kernel (for Jupyter, VS Code and nbconvert), or install/uninstall its kernelspec.")
        {
            connectionFile,
            verbose,
            logFile,
            warmUp,
            stdio,
        };
        command.Subcommands.Add(KernelInstallCommand.Create(console));
        command.Subcommands.Add(KernelUninstallCommand.Create(console));
        command.SetAction((parse, cancellationToken) => parse.GetValue(stdio)
            ? KernelStdioCommand.RunAsync(cancellationToken)
            : RunAsync(parse.GetValue(connectionFile), console, cancellationToken, parse.GetValue(verbose), parse.GetValue(logFile), parse.GetValue(warmUp)));
        return command;
    }

    /// <summary>Runs the kernel until it is shut down.</summary>
    /// <param name="path">The connection file.</param>
    /// <param name="console">Where start-up errors go.</param>
    /// <param name="cancellationToken">Stops the kernel.</param>
    /// <param name="verbose">Log to stderr.</param>
    /// <param name="logFile">Log to this file (appended).</param>
    /// <param name="warmUp">The <c>--warm-up</c> values (kernel names, each possibly comma-separated); null for none.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string? path, CliConsole console, CancellationToken cancellationToken = default, bool verbose = false, string? logFile = null, IReadOnlyList<string>? warmUp = null)
    {
        var warm = (warmUp ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(KernelNames.Normalize).Distinct(StringComparer.Ordinal).ToList();
        if (warm.FirstOrDefault(k => !KernelRequirements.WarmableKernels.Contains(k)) is { } unknown)
        {
            console.Error.WriteLine($"error: --warm-up {unknown}: only kernels that start on first use can be warmed up: {string.Join(", ", KernelRequirements.WarmableKernels)} (C# always starts at once).");
            return CommandLine.UsageError;
        }

        if (string.IsNullOrEmpty(path))
        {
            console.Error.WriteLine("error: smartpulse kernel needs the connection file Jupyter writes, as in: smartpulse kernel /path/kernel-1234.json. To make Jupyter start it, run: smartpulse kernel install");
            return CommandLine.UsageError;
        }

        ConnectionInfo connection;
        try
        {
            connection = ConnectionInfo.Load(path);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: cannot read the connection file {path}: {e.Message}");
            return CommandLine.UsageError;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("SMARTPULSE_KERNEL_LOG");
        verbose |= string.Equals(fromEnvironment, "stderr", StringComparison.OrdinalIgnoreCase);
        logFile ??= fromEnvironment is { Length: > 0 } && !verbose ? fromEnvironment : null;
        TextWriter log;
        try
        {
            log = logFile is not null
                ? TextWriter.Synchronized(new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), new UTF8Encoding(false)) { AutoFlush = true })
                : verbose ? TextWriter.Synchronized(new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true }) : TextWriter.Null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Error.WriteLine($"error: cannot open the kernel log file {logFile}: {e.Message}");
            return CommandLine.UsageError;
        }

        var started = Stopwatch.StartNew();
        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var kernel = new JupyterKernel(connection, new JupyterKernelOptions
            {
                Log = log,
                Session = new SmartPulse.Notebooks.Execution.ScriptSessionOptions { BaseDirectory = Environment.CurrentDirectory },
                WarmUp = warm,
            });
            if (ParentWatcher.ParentId() is { } parent)
            {
                // A kernel whose launcher (Jupyter, smartpulse run) died stops instead of running on.
                _ = ParentWatcher.WatchAsync(parent, TimeSpan.FromSeconds(1), () =>
                {
                    log.WriteLine($"[smartpulse-kernel] the launching process {parent} is gone; stopping");
                    stop.Cancel();
                }, stop.Token);
            }

            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
            {
                context.Cancel = true;
                kernel.Interrupt();
            });
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            await kernel.RunAsync(stop.Token).ConfigureAwait(false);
        }
        catch (NetMQException e)
        {
            console.Error.WriteLine($"error: cannot bind the kernel's sockets ({connection.Transport}://{connection.IP}): {e.Message}");
            return CommandLine.Failed;
        }
        finally
        {
            NetMQConfig.Cleanup(block: false);
        }

        log.WriteLine($"[smartpulse-kernel] stopped after {started.Elapsed.TotalSeconds:0.0} s");
        log.Dispose();
        return CommandLine.Ok;
    }
}
