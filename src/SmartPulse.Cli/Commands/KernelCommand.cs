using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using NetMQ;
using SmartPulse.Notebooks.Kernel;

namespace SmartPulse.Cli.Commands;

/// <summary>
/// <c>smartpulse kernel CONNECTION_FILE</c>: runs the C# Jupyter kernel (messaging protocol 5.3)
/// on the sockets of a connection file written by Jupyter; <c>smartpulse kernel install</c> and
/// <c>smartpulse kernel uninstall</c> manage its kernelspec. SIGINT interrupts the running cell
/// (the kernel keeps running); SIGTERM stops the kernel. Exit codes: 0 after a shutdown request,
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
        var command = new Command("kernel", "Run the C# Jupyter kernel (for Jupyter, VS Code and nbconvert), or install/uninstall its kernelspec.")
        {
            connectionFile,
        };
        command.Subcommands.Add(KernelInstallCommand.Create(console));
        command.Subcommands.Add(KernelUninstallCommand.Create(console));
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(connectionFile), console, cancellationToken));
        return command;
    }

    /// <summary>Runs the kernel until it is shut down.</summary>
    /// <param name="path">The connection file.</param>
    /// <param name="console">Where start-up errors go.</param>
    /// <param name="cancellationToken">Stops the kernel.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string? path, CliConsole console, CancellationToken cancellationToken = default)
    {
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

        var started = Stopwatch.StartNew();
        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var kernel = new JupyterKernel(connection);
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

        console.Error.WriteLine($"[smartpulse-kernel] stopped after {started.Elapsed.TotalSeconds:0.0} s");
        return CommandLine.Ok;
    }
}
