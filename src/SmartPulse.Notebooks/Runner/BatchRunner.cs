using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartPulse.Files;
using SmartPulse.Notebooks.Documents;
using SmartPulse.Notebooks.Report;

namespace SmartPulse.Notebooks.Runner;

/// <summary>
/// The engine behind <c>smartpulse run</c>: expands paths, reads every notebook up front (any
/// unreadable input stops the batch before anything runs), executes each with
/// <see cref="NotebookRunner"/> in its own kernel process started in its folder, up to
/// <see cref="BatchRunOptions.Jobs"/> at once, writes executed copies (or compares them with
/// <c>--check</c>), writes <c>run-manifest.json</c> with timings, optionally an HTML report, and
/// prints progress to a writer: one line per code cell, then a summary table.
/// </summary>
public static class BatchRunner
{
    /// <summary>The manifest's file name inside the output folder.</summary>
    public const string ManifestFileName = "run-manifest.json";

    /// <summary>Runs the batch.</summary>
    /// <param name="options">What to run and where to write.</param>
    /// <param name="log">Progress, summary and errors (stderr in the CLI).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The outcome.</returns>
    public static async Task<BatchOutcome> RunAsync(BatchRunOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        // Paths are resolved once against the runner's current directory (which never changes; each
        // notebook's kernel runs in the notebook's folder).
        options = options with
        {
            OutputDirectory = Path.GetFullPath(options.OutputDirectory),
            ReportDirectory = options.ReportDirectory is null ? null : Path.GetFullPath(options.ReportDirectory),
        };
        var inputs = Expand(options, log);
        if (inputs is null)
        {
            return BatchOutcome.InvalidInput;
        }

        var loaded = new List<(NotebookInput Input, Notebook Notebook, string Text)>();
        foreach (var input in inputs)
        {
            try
            {
                var text = await File.ReadAllTextAsync(input.SourcePath, cancellationToken).ConfigureAwait(false);
                loaded.Add((input, NotebookFile.Parse(text, input.SourcePath), text));
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                await log.WriteLineAsync($"error: cannot read {input.DisplayName}: {e.Message}").ConfigureAwait(false);
                return BatchOutcome.InvalidInput;
            }
        }

        // Check -p against every notebook's parameters cell before anything runs: a typo or a value of
        // the wrong type stops the batch with exit 2 instead of running on the defaults.
        foreach (var (input, notebook, _) in loaded)
        {
            try
            {
                PapermillParameters.TypedSource(notebook, options.Run.Parameters, options.Run.AllowUnknownParameters);
            }
            catch (ArgumentException e)
            {
                await log.WriteLineAsync($"error: {input.DisplayName}: {e.Message}").ConfigureAwait(false);
                return BatchOutcome.InvalidInput;
            }
        }

        // A notebook that connects a Jupyter kernel this machine lacks (#!connect jupyter --kernel-spec) is skipped
        // with the reason and the install command, exit 0; with --strict, or under CI=true, it runs and its
        // connect cell fails with the same advice.
        foreach (var entry in loaded.ToList())
        {
            if (Kernels.KernelRequirements.MissingKernelSpecs(entry.Notebook) is { Count: > 0 } missing && !options.Strict && Environment.GetEnvironmentVariable("CI") != "true")
            {
                await log.WriteLineAsync($"skipped: {entry.Input.DisplayName}: needs the Jupyter kernelspec {string.Join(", ", missing)}, which is not installed here; to fix: {Client.KernelSpecCatalog.InstallHint(missing[0])} (--strict fails instead)").ConfigureAwait(false);
                loaded.Remove(entry);
            }
        }

        var jobs = options.Jobs ?? Environment.ProcessorCount;
        if (jobs < 1)
        {
            await log.WriteLineAsync($"error: --jobs must be at least 1 (got {jobs}).").ConfigureAwait(false);
            return BatchOutcome.InvalidInput;
        }

        var ordered = new OrderedLog(log, loaded.Count);
        var outcomes = new (NotebookRunResult Result, string Status, bool Failed)[loaded.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, loaded.Count),
            new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancellationToken },
            async (k, token) =>
            {
                try
                {
                    outcomes[k] = await RunOneAsync(options, loaded[k].Input, loaded[k].Notebook, line => ordered.WriteLine(k, line), token).ConfigureAwait(false);
                }
                finally
                {
                    ordered.Complete(k);
                }
            }).ConfigureAwait(false);

        var summaries = loaded.Select((l, k) => (l.Input, outcomes[k].Result, outcomes[k].Status)).ToList();
        var failed = outcomes.Any(o => o.Failed);
        WriteManifest(options, summaries);
        await log.WriteLineAsync($"manifest: {Path.Combine(options.OutputDirectory, ManifestFileName)}").ConfigureAwait(false);
        if (options.ReportDirectory is not null)
        {
            var index = HtmlReport.Write(
                options.ReportDirectory,
                [.. summaries.Select(s => new ReportEntry(s.Input.DisplayName, s.Result.Notebook, s.Status))],
                options.ReportOptions);
            await log.WriteLineAsync($"report: {index}").ConfigureAwait(false);
        }

        WriteSummary(log, summaries);
        return failed ? BatchOutcome.Failed : BatchOutcome.Succeeded;
    }

    private static async Task<(NotebookRunResult Result, string Status, bool Failed)> RunOneAsync(
        BatchRunOptions options,
        NotebookInput input,
        Notebook notebook,
        Action<string> log,
        CancellationToken cancellationToken)
    {
        var runOptions = options.Run with { NotebookDirectory = Path.GetDirectoryName(Path.GetFullPath(input.SourcePath)) };
        var result = await NotebookRunner.RunAsync(
            notebook,
            runOptions,
            (cell, count) => log(string.Create(
                CultureInfo.InvariantCulture,
                $"{input.DisplayName}  cell {cell.Index}/{count}  {StatusWord(cell.Status)}  {cell.Seconds:0.00} s")),
            cancellationToken).ConfigureAwait(false);

        var failed = false;
        var status = result.Succeeded ? "ok" : "failed";
        if (result.Error is { } error)
        {
            failed = true;
            log($"error: {input.DisplayName}: {error}");
        }
        else if (result.FirstFailure is { } failure)
        {
            failed = true;
            log($"error: {input.DisplayName}: cell {failure.Index} (id {failure.Id}) failed: {failure.Error}");
        }

        if (options.Check && string.Equals(Path.GetExtension(input.SourcePath), ".dib", StringComparison.OrdinalIgnoreCase))
        {
            log($"check: {input.DisplayName} is a .dib file, which stores no outputs; it was executed but not compared.");
        }
        else if (options.Check)
        {
            var differences = OutputComparer.Compare(notebook, result.Notebook);
            foreach (var d in differences)
            {
                log($"check: {input.DisplayName}: cell {d.Index} (id {d.Id}): {d.Summary}\n  stored: {d.Expected}\n  now:    {d.Actual}");
            }

            if (differences.Count > 0)
            {
                failed = true;
                status = result.Succeeded ? "differs" : status;
            }
        }
        else
        {
            WriteOutput(options, input, result, log);
        }

        return (result, status, failed);
    }

    private static string StatusWord(Execution.CellStatus status) => status switch
    {
        Execution.CellStatus.Ok => "ok",
        Execution.CellStatus.TimedOut => "timeout",
        Execution.CellStatus.Cancelled => "cancelled",
        _ => "error",
    };

    private static void WriteOutput(BatchRunOptions options, NotebookInput input, NotebookRunResult result, Action<string> log)
    {
        var isDib = string.Equals(Path.GetExtension(input.SourcePath), ".dib", StringComparison.OrdinalIgnoreCase);
        if (options.InPlace && result.Succeeded && !isDib)
        {
            NotebookFile.Save(result.Notebook, input.SourcePath, options.Force);
            return;
        }

        if (options.InPlace && !result.Succeeded)
        {
            log($"note: {input.DisplayName} failed, so the source was left untouched; the partial output is in {input.OutputPath}");
        }

        if (!options.InPlace || !result.Succeeded || isDib)
        {
            NotebookFile.Save(result.Notebook, input.OutputPath, options.Force);
        }
    }

    private static void WriteManifest(BatchRunOptions options, List<(NotebookInput Input, NotebookRunResult Result, string Status)> summaries)
    {
        var notebooks = new JsonArray();
        foreach (var (input, result, status) in summaries)
        {
            var cells = new JsonArray();
            foreach (var cell in result.Cells)
            {
                cells.Add(new JsonObject
                {
                    ["index"] = cell.Index,
                    ["id"] = cell.Id,
                    ["status"] = StatusWord(cell.Status),
                    ["seconds"] = Math.Round(cell.Seconds, 4),
                    ["error"] = cell.Error,
                });
            }

            var failure = result.Error ?? (result.FirstFailure is { } first ? $"cell {first.Index} (id {first.Id}): {first.Error}" : null);

            notebooks.Add(new JsonObject
            {
                ["source"] = input.SourcePath,
                ["output"] = options.Check ? null : (options.InPlace && result.Succeeded && !input.SourcePath.EndsWith(".dib", StringComparison.OrdinalIgnoreCase) ? input.SourcePath : input.OutputPath),
                ["status"] = status,
                ["seconds"] = Math.Round(result.Seconds, 4),
                ["error"] = failure,
                ["cells"] = cells,
            });
        }

        var manifest = new JsonObject
        {
            ["succeeded"] = summaries.All(s => s.Status == "ok"),
            ["seconds"] = Math.Round(summaries.Sum(s => s.Result.Seconds), 4),
            ["notebooks"] = notebooks,
        };
        NotebookFile.WriteAtomic(
            Path.Combine(options.OutputDirectory, ManifestFileName),
            manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
    }

    private static void WriteSummary(TextWriter log, List<(NotebookInput Input, NotebookRunResult Result, string Status)> summaries)
    {
        var width = Math.Max("notebook".Length, summaries.Count == 0 ? 0 : summaries.Max(s => s.Input.DisplayName.Length));
        log.WriteLine();
        log.WriteLine($"{"notebook".PadRight(width)}  {"cells",7}  {"status",-8}  {"seconds",8}");
        foreach (var (input, result, status) in summaries)
        {
            var codeCells = result.Notebook.Cells.Count(c => c.CellType == CellType.Code);
            var cells = $"{result.Cells.Count}/{codeCells}";
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{input.DisplayName.PadRight(width)}  {cells,7}  {status,-8}  {result.Seconds,8:0.00}"));
        }

        var ok = summaries.Count(s => s.Status == "ok");
        log.WriteLine($"{ok} of {summaries.Count} notebook(s) succeeded");
    }

    private static List<NotebookInput>? Expand(BatchRunOptions options, TextWriter log)
    {
        if (options.Paths.Count == 0)
        {
            log.WriteLine("error: no notebook paths given; pass .ipynb/.dib files or folders.");
            return null;
        }

        if (options.InPlace && options.Check)
        {
            log.WriteLine("error: --inplace and --check cannot be combined (--check never writes notebooks).");
            return null;
        }

        var outputDir = Path.GetFullPath(options.OutputDirectory);
        var inputs = new List<NotebookInput>();
        foreach (var path in options.Paths)
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                var files = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
                    .Where(NotebookFile.IsNotebookPath)
                    .Where(f => !IsUnder(f, outputDir) && !f.Split(Path.DirectorySeparatorChar).Any(p => p is ".ipynb_checkpoints" or "bin" or "obj" or ".git"))
                    .Select(f => Path.GetRelativePath(full, f))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (files.Count == 0)
                {
                    log.WriteLine($"error: folder '{path}' contains no .ipynb or .dib notebooks.");
                    return null;
                }

                inputs.AddRange(files.Select(rel => new NotebookInput(Path.Combine(full, rel), rel, OutputFor(outputDir, rel))));
            }
            else if (File.Exists(full))
            {
                if (!NotebookFile.IsNotebookPath(full))
                {
                    log.WriteLine($"error: '{path}' is not a notebook (expected .ipynb or .dib).");
                    return null;
                }

                var name = Path.GetFileName(full);
                inputs.Add(new NotebookInput(full, name, OutputFor(outputDir, name)));
            }
            else
            {
                log.WriteLine($"error: '{path}' does not exist.");
                return null;
            }
        }

        var clash = inputs.GroupBy(i => i.OutputPath, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null && !options.Check && !options.InPlace)
        {
            log.WriteLine($"error: {string.Join(" and ", clash.Select(c => c.SourcePath))} would both be written to {clash.Key}; run them separately or with different --out folders.");
            return null;
        }

        return options.Check || OutputsAreSafe(options, inputs, log) ? inputs : null;
    }

    /// <summary>
    /// Before anything runs: no executed copy may land on a source notebook (compared by real path, so
    /// <c>--out</c> = the notebooks' own folder is caught however it is spelt), and every file that
    /// will be replaced must be a regular, writable file (or <see cref="BatchRunOptions.Force"/>).
    /// </summary>
    private static bool OutputsAreSafe(BatchRunOptions options, List<NotebookInput> inputs, TextWriter log)
    {
        try
        {
            foreach (var input in inputs)
            {
                if (inputs.FirstOrDefault(other => OutputPaths.SameFile(input.OutputPath, other.SourcePath)) is { } source)
                {
                    log.WriteLine($"error: --out {options.OutputDirectory} would write the executed copy of {input.DisplayName} onto the source notebook {source.SourcePath}. "
                        + "Change --out to another folder, or pass --inplace to update sources (only those that succeed).");
                    return false;
                }

                AtomicFile.Destination(input.OutputPath, options.Force);

                if (options.InPlace && !input.SourcePath.EndsWith(".dib", StringComparison.OrdinalIgnoreCase))
                {
                    AtomicFile.Destination(input.SourcePath, options.Force);
                }
            }

            return true;
        }
        catch (UnsafeOutputException e)
        {
            log.WriteLine($"error: {e.Message}");
            return false;
        }
    }

    private static string OutputFor(string outputDir, string relative) =>
        Path.Combine(outputDir, Path.ChangeExtension(relative, ".ipynb"));

    private static bool IsUnder(string path, string dir) =>
        path.StartsWith(dir.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private sealed record NotebookInput(string SourcePath, string DisplayName, string OutputPath);
}
