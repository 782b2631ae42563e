using System.Diagnostics;
using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Client;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Runner;

/// <summary>
/// Executes one notebook in its own kernel process (nbclient semantics, <see cref="KernelSession"/>):
/// injects papermill parameters, starts the notebook's kernel in the notebook's folder, sends the
/// code cells in order (markdown and raw cells pass through), stores outputs and execution counts,
/// stops at the first failing cell unless told to go on, and puts an error banner cell at the top
/// naming the failing cell. A cell that kills the kernel, exits it or times out fails that cell and
/// the notebook, never the caller. Nothing time- or run-dependent is written into the notebook, so
/// the same input gives byte-identical output; timings are returned in <see cref="NotebookRunResult.Cells"/>.
/// </summary>
public static class NotebookRunner
{
    /// <summary>The tag (and id) of the error banner cell.</summary>
    public const string ErrorBannerTag = "smartpulse-error";

    /// <summary>Runs <paramref name="source"/> (which is not modified).</summary>
    /// <param name="source">The notebook to execute.</param>
    /// <param name="options">Kernel, parameters, timeouts, error policy, folder.</param>
    /// <param name="progress">Called after each code cell with its run record and the notebook's cell count.</param>
    /// <param name="cancellationToken">Cancels the run (the running cell ends as cancelled).</param>
    /// <returns>The executed copy and per-cell records.</returns>
    /// <exception cref="ArgumentException">A parameter name is not a valid identifier.</exception>
    public static async Task<NotebookRunResult> RunAsync(
        Notebook source,
        NotebookRunOptions options,
        Action<CellRun, int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var notebook = source.Clone();
        notebook.Cells.RemoveAll(c => c.HasTag(ErrorBannerTag) || c.HasTag("papermill-error-cell-tag"));
        PapermillParameters.Inject(notebook, options.Parameters, options.AllowUnknownParameters);
        CellIds.Assign(notebook);
        foreach (var cell in notebook.Cells.Where(c => c.CellType == CellType.Code))
        {
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
        }

        var stopwatch = Stopwatch.StartNew();
        var runs = new List<CellRun>();
        var launch = ResolveKernel(notebook, options, out var kernelError);
        if (launch is null)
        {
            return Failed(notebook, runs, stopwatch, kernelError!);
        }

        // The notebook is known here: its kernel starts F# Interactive / DuckDB in the background if cells use them.
        launch = launch.WithWarmUp(Kernels.KernelRequirements.WarmUpKernels(notebook));

        KernelSession session;
        try
        {
            session = await KernelSession.StartAsync(launch, options.NotebookDirectory is null ? null : Path.GetFullPath(options.NotebookDirectory), options.StartupTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (KernelStartException e)
        {
            return Failed(notebook, runs, stopwatch, e.Message);
        }

        KernelMetadata.Apply(notebook, launch, session.KernelInfo);
        try
        {
            for (var i = 0; i < notebook.Cells.Count; i++)
            {
                var cell = notebook.Cells[i];
                if (cell.CellType != CellType.Code)
                {
                    continue;
                }

                var result = await session.ExecuteAsync(CellCode(cell, launch), cell.Id, $"cell {i + 1}", options.CellTimeout, cancellationToken).ConfigureAwait(false);
                cell.Outputs = [.. result.Outputs];
                cell.ExecutionCount = result.ExecutionCount;
                var run = new CellRun(i + 1, cell.Id!, result.Status, result.Seconds, result.Error);
                runs.Add(run);
                progress?.Invoke(run, notebook.Cells.Count);
                if (!result.Succeeded && (!options.ContinueOnError || session.DeadReason is not null))
                {
                    break;
                }
            }
        }
        finally
        {
            await session.ShutdownAsync().ConfigureAwait(false);
        }

        if (runs.FirstOrDefault(r => r.Status != CellStatus.Ok) is { } failure)
        {
            notebook.Cells.Insert(0, Banner(notebook, failure));
        }

        return new NotebookRunResult(notebook, runs, stopwatch.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The text sent for <paramref name="cell"/>. This is the one place a cell's kernel name reaches the
    /// kernel: for the SmartPulse kernel a cell whose metadata names another kernel than C# gets that
    /// name as a first line <c>#!name</c> (the only form Jupyter front ends have); other kernels get
    /// the source unchanged.
    /// </summary>
    /// <param name="cell">A code cell.</param>
    /// <param name="launch">The notebook's kernel.</param>
    /// <returns>The code.</returns>
    public static string CellCode(NotebookCell cell, KernelLaunch launch) =>
        !launch.IsSmartPulse || cell.KernelName == KernelNames.CSharp || cell.Source.StartsWith("#!" + cell.KernelName, StringComparison.Ordinal)
            ? cell.Source
            : $"#!{cell.KernelName}\n{cell.Source}";

    /// <summary>Which kernel runs <paramref name="notebook"/>: <see cref="NotebookRunOptions.KernelName"/>, else its kernelspec; .NET names (and none) select the SmartPulse kernel.</summary>
    /// <param name="notebook">The notebook.</param>
    /// <param name="options">The options.</param>
    /// <param name="error">Why no kernel could be found.</param>
    /// <returns>The kernel, or null with <paramref name="error"/> set.</returns>
    public static KernelLaunch? ResolveKernel(Notebook notebook, NotebookRunOptions options, out string? error)
    {
        error = null;
        var name = options.KernelName
            ?? (notebook.Metadata["kernelspec"]?["name"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null);
        KernelLaunch? launch;
        if (name is null || name.StartsWith(".net-", StringComparison.OrdinalIgnoreCase) || string.Equals(name, options.Kernel?.Name, StringComparison.OrdinalIgnoreCase) || string.Equals(name, "smartpulse", StringComparison.OrdinalIgnoreCase))
        {
            launch = options.Kernel;
            if (launch is null)
            {
                error = "no command to start the SmartPulse kernel was given (NotebookRunOptions.Kernel); the smartpulse CLI passes its own.";
                return null;
            }
        }
        else
        {
            try
            {
                launch = KernelSpecCatalog.Find(name);
            }
            catch (FormatException e)
            {
                error = $"the kernelspec '{name}' is broken: {e.Message}";
                return null;
            }

            if (launch is null)
            {
                error = KernelSpecCatalog.MissingMessage(name);
                return null;
            }
        }

        if (options.PackageCacheDirectory is { } cache)
        {
            launch = launch with { Environment = new Dictionary<string, string>(launch.Environment) { ["SMARTPULSE_PACKAGE_CACHE"] = Path.GetFullPath(cache) } };
        }

        return launch;
    }

    private static NotebookRunResult Failed(Notebook notebook, List<CellRun> runs, Stopwatch stopwatch, string error)
    {
        var text = $"<span style=\"color:red; font-family:Helvetica Neue, Helvetica, Arial, sans-serif; font-size:2em;\">"
            + $"The notebook did not run: {SmartPulse.Text.HtmlText.Encode(error)}</span>";
        notebook.Cells.Insert(0, new NotebookCell(CellType.Markdown, text)
        {
            Id = ErrorBannerTag,
            Metadata = new JsonObject { ["tags"] = new JsonArray(ErrorBannerTag) },
        });
        return new NotebookRunResult(notebook, runs, stopwatch.Elapsed.TotalSeconds, error);
    }

    private static NotebookCell Banner(Notebook notebook, CellRun failure)
    {
        var cell = notebook.Cells[failure.Index - 1];
        var text = $"<span style=\"color:red; font-family:Helvetica Neue, Helvetica, Arial, sans-serif; font-size:2em;\">"
            + $"An exception was encountered at cell {failure.Index} (In [{cell.ExecutionCount}], id <code>{failure.Id}</code>): "
            + $"{SmartPulse.Text.HtmlText.Encode(failure.Error ?? failure.Status.ToString())}</span>";
        return new NotebookCell(CellType.Markdown, text)
        {
            Id = ErrorBannerTag,
            Metadata = new JsonObject { ["tags"] = new JsonArray(ErrorBannerTag) },
        };
    }
}
