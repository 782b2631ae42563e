using System.Runtime.InteropServices;
using SmartPulse.Notebooks.Stdio;

namespace SmartPulse.Cli.Commands;

/// <summary>
/// <c>smartpulse kernel --stdio</c>: serves the kernel as JSON-RPC over standard input/output
/// (<see cref="StdioKernelHost"/>) for the VS Code extension. Standard output is reserved for the
/// protocol, so everything else the process writes goes to standard error. SIGINT interrupts the
/// running cell; SIGTERM or end of input stops the host.
/// </summary>
public static class KernelStdioCommand
{
    /// <summary>Runs the host until shutdown or end of input.</summary>
    /// <param name="cancellationToken">Stops the host.</param>
    /// <returns>The exit code (0).</returns>
    public static async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var protocol = Console.OpenStandardOutput();
        var stdin = Console.OpenStandardInput();
        Console.SetOut(Console.Error);
        Console.SetIn(TextReader.Null);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var host = new StdioKernelHost(stdin, protocol);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        await host.RunAsync(stop.Token).ConfigureAwait(false);
        return CommandLine.Ok;
    }
}
