using System.Diagnostics;
using System.Text.Json.Nodes;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Execution;

namespace SmartPulse.Notebooks.Runner;

/// <summary>
/// Executes one notebook in memory with a fresh <see cref="ScriptSession"/>: injects papermill
/// parameters, runs the code cells in order (markdown and raw cells pass through), stores
/// outputs and execution counts 1..n, stops at the first failing cell unless told to go on,
/// clears outputs of cells that did not run, and puts an error banner cell at the top naming
/// the failing cell. Nothing time- or run-dependent is written into the notebook, so the same
/// input gives byte-identical output; timings are returned in <see cref="NotebookRunResult.Cells"/>.
/// While a notebook with <see cref="NotebookRunOptions.NotebookDirectory"/> runs, the process's
/// current directory is that folder (runs in one process are serialised for this reason).
/// </summary>
public static class NotebookRunner
{
    /// <summary>The tag (and id) of the error banner cell.</summary>
    public const string ErrorBannerTag = "smartpulse-error";

    private static readonly SemaphoreSlim _directoryGate = new(1, 1);

    /// <summary>Runs <paramref name="source"/> (which is not modified).</summary>
    /// <param name="source">The notebook to execute.</param>
    /// <param name="options">Parameters, timeout, error policy, folder.</param>
    /// <param name="progress">Called after each code cell with its run record and the notebook's cell count.</param>
    /// <param name="cancellationToken">Cancels the run (the running cell ends as cancelled).</param>
    /// <returns>The executed copy and per-cell records.</returns>
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
        var changeDirectory = options.NotebookDirectory is not null;
        if (changeDirectory)
        {
            await _directoryGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var previousDirectory = Environment.CurrentDirectory;
        try
        {
            if (changeDirectory)
            {
                Environment.CurrentDirectory = Path.GetFullPath(options.NotebookDirectory!);
            }

            using var session = new ScriptSession(new ScriptSessionOptions
            {
                BaseDirectory = options.NotebookDirectory,
                PackageCacheDirectory = options.PackageCacheDirectory,
                References = options.References,
            });
            for (var i = 0; i < notebook.Cells.Count; i++)
            {
                var cell = notebook.Cells[i];
                if (cell.CellType != CellType.Code)
                {
                    continue;
                }

                var code = cell.KernelName == KernelNames.CSharp ? cell.Source : $"#!{cell.KernelName}\n{cell.Source}";
                var result = await session.ExecuteAsync(code, null, options.CellTimeout, $"cell {i + 1}", cancellationToken).ConfigureAwait(false);
                cell.Outputs = [.. result.Outputs];
                cell.ExecutionCount = result.ExecutionCount;
                var run = new CellRun(i + 1, cell.Id!, result.Status, result.Elapsed.TotalSeconds, result.ErrorSummary);
                runs.Add(run);
                progress?.Invoke(run, notebook.Cells.Count);
                if (!result.Succeeded && !options.ContinueOnError)
                {
                    break;
                }
            }
        }
        finally
        {
            if (changeDirectory)
            {
                Environment.CurrentDirectory = previousDirectory;
                _directoryGate.Release();
            }
        }

        if (runs.FirstOrDefault(r => r.Status != CellStatus.Ok) is { } failure)
        {
            notebook.Cells.Insert(0, Banner(notebook, failure));
        }

        return new NotebookRunResult(notebook, runs, stopwatch.Elapsed.TotalSeconds);
    }

    private static NotebookCell Banner(Notebook notebook, CellRun failure)
    {
        var cell = notebook.Cells[failure.Index - 1];
        var text = $"<span style=\"color:red; font-family:Helvetica Neue, Helvetica, Arial, sans-serif; font-size:2em;\">"
            + $"An exception was encountered at cell {failure.Index} (In [{cell.ExecutionCount}], id <code>{failure.Id}</code>): "
            + $"{System.Net.WebUtility.HtmlEncode(failure.Error ?? failure.Status.ToString())}</span>";
        return new NotebookCell(CellType.Markdown, text)
        {
            Id = ErrorBannerTag,
            Metadata = new JsonObject { ["tags"] = new JsonArray(ErrorBannerTag) },
        };
    }
}
