using System.CommandLine;
using SmartPulse.Cli.Commands;
using SmartPulse.Cli.Errors;


namespace SmartPulse.Cli;

/// <summary>
/// Entry point of the <c>smartpulse</c> tool. Each sub-command lives in its own file under
/// <c>Commands/</c> and is registered here. Exit codes: 0 success, 1 the job failed, 2 usage error
/// or unreadable input.
/// </summary>
public static class CommandLine
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for a job that ran but failed (for example a notebook cell threw).</summary>
    public const int Failed = 1;

    /// <summary>Exit code for a usage error or unreadable input.</summary>
    public const int UsageError = 2;

    /// <summary>Parses <paramref name="args"/> and runs the chosen command.</summary>
    /// <param name="args">The command-line arguments (without the program name).</param>
    /// <param name="stdout">Where results are written.</param>
    /// <param name="stderr">Where progress and errors are written.</param>
    /// <returns>The process exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var console = new CliConsole(stdout, stderr);
        var root = new RootCommand("SmartPulse: customer segmentation in C#, and the engine that runs its notebooks.");
        root.Subcommands.Add(ProfileCommand.Create(console));
        root.Subcommands.Add(RunCommand.Create(console));
        root.Subcommands.Add(SegmentCommand.Create(console));
        root.Subcommands.Add(ScoreCommand.Create(console));
        root.Subcommands.Add(KernelCommand.Create(console));
        root.Subcommands.Add(ServeCommand.Create(console));
        root.Subcommands.Add(NotebooksCommand.Create(console));

        var parse = root.Parse(args);
        var json = args.Contains("--json", StringComparer.Ordinal);
        if (parse.Errors.Count > 0)
        {
            if (json)
            {
                var command = parse.CommandResult.Command.Name;
                return CliErrors.Report(console, json: true, new CliError(
                    string.Join(" ", parse.Errors.Select(e => e.Message)), Hint: $"Run 'smartpulse {command} --help' for usage."));
            }

            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"error: {error.Message}");
            }

            stderr.WriteLine("Run 'smartpulse --help' for usage.");
            return UsageError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failure no command anticipated: still one clean error (one JSON object with --json), never a stack trace.
            return CliErrors.Report(console, json, CliError.From(e) with { Hint = "This looks like a SmartPulse bug; please report it with the command line." });
        }
    }
}
