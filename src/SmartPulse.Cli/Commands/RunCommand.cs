using System.CommandLine;
using SmartPulse.Notebooks.Client;
using SmartPulse.Notebooks.Report;
using SmartPulse.Notebooks.Runner;

namespace SmartPulse.Cli.Commands;

/// <summary>
/// <c>smartpulse run PATH... [--out DIR] [--inplace] [-p NAME VALUE]... [--timeout SECONDS]
/// [--continue-on-error] [--check] [--report DIR] [--jobs N] [--kernel NAME] [--startup-timeout SECONDS]</c>:
/// executes notebooks headlessly with the engine's <see cref="BatchRunner"/>. Each notebook runs in
/// its own kernel process (this tool's <c>kernel</c> command by default) started in the notebook's folder. Exit codes: 0 all succeeded, 1 a notebook failed (or differed under --check),
/// 2 usage error or unreadable input.
/// </summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="console">Where progress and errors go (stderr).</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Notebooks (.ipynb, .dib) or folders searched recursively, run in sorted order.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out")
        {
            Description = "Folder for executed copies and run-manifest.json.",
            DefaultValueFactory = _ => Path.Combine("artifacts", "notebooks"),
        };
        var inPlace = new Option<bool>("--inplace") { Description = "Overwrite each source .ipynb atomically, only if it succeeded (a failed run leaves it intact and writes to --out)." };
        var parameters = new Option<string[]>("--parameter", "-p")
        {
            Description = "papermill parameter NAME VALUE, typed as the parameters cell declares NAME (int, int?, long, double, bool, string, string[]; None is null); repeatable. Undeclared names are refused.",
            Arity = new ArgumentArity(2, 2),
            AllowMultipleArgumentsPerToken = true,
        };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Per-cell timeout in seconds (0 for none).",
            DefaultValueFactory = _ => 300,
        };
        var continueOnError = new Option<bool>("--continue-on-error") { Description = "Run the remaining cells after a failing cell." };
        var strict = new Option<bool>("--strict") { Description = "Fail a notebook that needs a Jupyter kernelspec (#!connect jupyter) that is not installed, instead of skipping it." };
        var check = new Option<bool>("--check") { Description = "Re-execute and compare outputs with those stored in the notebook; print differing cells; write no notebooks." };
        var allowUnknown = new Option<bool>("--allow-unknown-parameters") { Description = "Inject -p names the parameters cell does not declare (typed the papermill way: True/False, None, integer, float, else string)." };
        var force = new Option<bool>("--force") { Description = "Replace read-only output notebooks (and read-only sources under --inplace)." };
        var report = new Option<string?>("--report") { Description = "Write a static HTML report (index + one page per notebook) into this folder." };
        var jobs = new Option<int?>("--jobs", "-j") { Description = "Notebooks run at once, each in its own kernel process (default: the number of cores). Outputs do not depend on it." };
        var kernel = new Option<string?>("--kernel") { Description = "Run every notebook with this installed Jupyter kernelspec (for example python3) instead of the one its metadata names; .NET names select the SmartPulse kernel." };
        var startupTimeout = new Option<double>("--startup-timeout")
        {
            Description = "Seconds a kernel may take to start and answer (a notebook whose kernel does not is failed, with the kernel's stderr).",
            DefaultValueFactory = _ => 60,
        };
        var command = new Command("run", "Execute C# notebooks (.NET Interactive .ipynb/.dib) headlessly and reproducibly.")
        {
            paths,
            output,
            inPlace,
            parameters,
            timeout,
            continueOnError,
            check,
            strict,
            report,
            force,
            allowUnknown,
            jobs,
            kernel,
            startupTimeout,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var raw = parse.GetValue(parameters) ?? [];
            var seconds = parse.GetValue(timeout);
            var startup = parse.GetValue(startupTimeout);
            var jobCount = parse.GetValue(jobs);
            var usage = raw.Length % 2 != 0 ? "error: -p takes a NAME and a VALUE, as in -p alpha 0.5."
                : seconds < 0 || double.IsNaN(seconds) ? "error: --timeout must be a number of seconds >= 0 (0 for no limit)."
                : startup <= 0 || double.IsNaN(startup) ? $"error: --startup-timeout must be a number of seconds > 0 (got {startup})."
                : jobCount is < 1 ? $"error: --jobs must be at least 1 (got {jobCount})."
                : null;
            if (usage is not null)
            {
                console.Error.WriteLine(usage);
                return Task.FromResult(CommandLine.UsageError);
            }

            // Outputs are stored for later viewing: charts keep the figure JSON once plus a text description, and no
            // plotly.js (SmartPulse.Display's NotebookCharts; kernel processes started by the runner inherit it).
            if (Environment.GetEnvironmentVariable(SmartPulse.Display.Formatting.NotebookCharts.OutputTargetVariable) is null)
            {
                Environment.SetEnvironmentVariable(SmartPulse.Display.Formatting.NotebookCharts.OutputTargetVariable, "document");
            }

            var pairs = Enumerable.Range(0, raw.Length / 2).Select(i => KeyValuePair.Create(raw[2 * i], raw[(2 * i) + 1])).ToList();
            var options = new BatchRunOptions
            {
                Paths = parse.GetValue(paths) ?? [],
                OutputDirectory = parse.GetValue(output)!,
                InPlace = parse.GetValue(inPlace),
                Force = parse.GetValue(force),
                Check = parse.GetValue(check),
                Strict = parse.GetValue(strict),
                ReportDirectory = parse.GetValue(report),
                Jobs = jobCount,
                ReportOptions = new HtmlReportOptions { Title = "SmartPulse notebooks", PlotlyJs = () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(SmartPulse.Display.Charts.PlotlyJs.Source)) },
                Run = new NotebookRunOptions
                {
                    Parameters = pairs,
                    AllowUnknownParameters = parse.GetValue(allowUnknown),
                    CellTimeout = seconds == 0 ? null : TimeSpan.FromSeconds(seconds),
                    ContinueOnError = parse.GetValue(continueOnError),
                    StartupTimeout = TimeSpan.FromSeconds(startup),
                    Kernel = SmartPulseKernel(),
                    KernelName = parse.GetValue(kernel),
                },
            };
            return RunAsync(options, console, cancellationToken);
        });
        return command;
    }

    /// <summary>
    /// This tool's own kernel as the runner starts it: the <c>kernel {connection_file}</c> command, with
    /// charts stored for later viewing (<see cref="SmartPulse.Display.Formatting.NotebookCharts.OutputTargetVariable"/> = <c>document</c>),
    /// as an executed notebook or the HTML report shows them.
    /// </summary>
    /// <returns>The launch description.</returns>
    public static KernelLaunch SmartPulseKernel()
    {
        var launch = KernelLaunch.SmartPulse(KernelLaunchCommand.Argv());
        return launch with
        {
            Environment = new Dictionary<string, string>(launch.Environment) { [SmartPulse.Display.Formatting.NotebookCharts.OutputTargetVariable] = "document" },
        };
    }

    /// <summary>Runs a batch and maps its outcome to the exit code.</summary>
    /// <param name="options">The batch.</param>
    /// <param name="console">Where progress goes (stderr).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>0, 1 or 2.</returns>
    public static async Task<int> RunAsync(BatchRunOptions options, CliConsole console, CancellationToken cancellationToken = default)
    {
        var outcome = await BatchRunner.RunAsync(options, console.Error, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            BatchOutcome.Succeeded => CommandLine.Ok,
            BatchOutcome.Failed => CommandLine.Failed,
            _ => CommandLine.UsageError,
        };
    }
}
