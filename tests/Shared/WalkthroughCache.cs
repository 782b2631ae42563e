using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SmartPulse.Testing;

/// <summary>
/// Executes the walkthrough notebooks once per test suite and hands every test the same executed copies and report.
/// </summary>
/// <remarks>
/// <para>
/// The first caller runs <c>dotnet smartpulse.dll run notebooks --out executed --report report --jobs 2</c> into a
/// folder named by a SHA-256 over the committed notebooks, the bundled data files, the SmartPulse assemblies of the
/// tool that runs them, and <c>CI</c> (under <c>CI=true</c> the runner skips nothing). Every later caller with the same
/// key reads that folder: in this process (one shared task), and in the other test assemblies of the suite, which
/// <c>dotnet test</c> runs in parallel processes, through an exclusive lock on <c>KEY.lock</c> (a second process
/// waits for the first run instead of starting its own).
/// </para>
/// <para>
/// The folder's parent is <c>SMARTPULSE_TEST_CACHE</c> (<c>.ci/run</c> points it at a fresh artifacts/test-cache, so
/// each CI run executes the walkthroughs exactly once), else <c>$TMPDIR/smartpulse-test-cache</c>, where a later
/// suite with the same notebooks and the same build reuses a successful run (the outputs are deterministic).
/// A failed run is reused only for <see cref="FailedRunLifetime"/>, the length of one suite.
/// </para>
/// </remarks>
internal static class WalkthroughCache
{
    /// <summary>How long a failed run is handed out again before a later caller re-runs it.</summary>
    public static readonly TimeSpan FailedRunLifetime = TimeSpan.FromMinutes(30);

    private static readonly SemaphoreSlim _gate = new(1, 1);
    private static readonly Dictionary<string, Task<ExecutedWalkthroughs>> _runs = [];

    /// <summary>The repository root (the folder holding SmartPulse.Notebooks.sln), found upwards from the test binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SmartPulse.Notebooks.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"cannot find the repository root (SmartPulse.Notebooks.sln) above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>The committed walkthroughs, sorted by file name.</summary>
    public static IReadOnlyList<string> Sources =>
        [.. Directory.GetFiles(Path.Combine(RepositoryRoot, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal)];

    /// <summary>The walkthroughs executed by <paramref name="cliDll"/>, run once per suite.</summary>
    /// <param name="cliDll">The built <c>smartpulse.dll</c> (its folder holds the SmartPulse assemblies it loads).</param>
    /// <returns>The executed notebooks, the report, and how the run ended.</returns>
    public static async Task<ExecutedWalkthroughs> GetAsync(string cliDll)
    {
        var key = Key(cliDll);
        Task<ExecutedWalkthroughs> run;
        await _gate.WaitAsync();
        try
        {
            if (!_runs.TryGetValue(key, out run!) || run.IsFaulted || run.IsCanceled)
            {
                run = Task.Run(() => RunOnceAcrossProcessesAsync(cliDll, key));
                _runs[key] = run;
            }
        }
        finally
        {
            _gate.Release();
        }

        return await run;
    }

    private static async Task<ExecutedWalkthroughs> RunOnceAcrossProcessesAsync(string cliDll, string key)
    {
        var root = Environment.GetEnvironmentVariable("SMARTPULSE_TEST_CACHE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "smartpulse-test-cache");
        Directory.CreateDirectory(root);
        var folder = Path.Combine(root, "walkthroughs-" + key);
        var resultFile = Path.Combine(folder, "result.json");
        using var held = await LockAsync(Path.Combine(root, "walkthroughs-" + key + ".lock"));
        if (File.Exists(resultFile))
        {
            var stored = JsonSerializer.Deserialize<StoredResult>(await File.ReadAllTextAsync(resultFile))!;
            if (stored.ExitCode == 0 || DateTime.UtcNow - File.GetLastWriteTimeUtc(resultFile) < FailedRunLifetime)
            {
                return Result(folder, stored, reused: true);
            }
        }

        // Nobody has run it (or its failure is from an earlier suite, or a run was killed before writing its result):
        // run into the folder, then write result.json last (temp file + rename), so a result always has its outputs.
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var (exitCode, log) = await RunAsync(cliDll, folder);
        var result = new StoredResult(exitCode, log);
        await File.WriteAllTextAsync(resultFile + ".tmp", JsonSerializer.Serialize(result));
        File.Move(resultFile + ".tmp", resultFile, overwrite: true);
        return Result(folder, result, reused: false);
    }

    private static ExecutedWalkthroughs Result(string folder, StoredResult stored, bool reused) =>
        new(Sources, Path.Combine(folder, "executed"), Path.Combine(folder, "report"), stored.ExitCode, stored.Log, reused);

    private static async Task<(int ExitCode, string Log)> RunAsync(string cliDll, string folder)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { cliDll, "run", Path.Combine(RepositoryRoot, "notebooks"), "--out", Path.Combine(folder, "executed"), "--report", Path.Combine(folder, "report"), "--jobs", "2", "--timeout", "1200" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["SMARTPULSE_OUTPUT_TARGET"] = "document";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var started = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(40));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Append(output, $"(smartpulse run killed after {started.Elapsed.TotalMinutes:0} minutes)");
            return (-1, Text(output));
        }

        process.WaitForExit();
        Append(output, $"(smartpulse run took {started.Elapsed.TotalSeconds:0.0} s, exit {process.ExitCode})");
        return (process.ExitCode, Text(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.Append(line).Append('\n');
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>Takes the exclusive lock on <paramref name="path"/> (flock under .NET on Linux), waiting while another process holds it.</summary>
    private static async Task<FileStream> LockAsync(string path)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromMinutes(45))
            {
                await Task.Delay(500);
            }
        }
    }

    /// <summary>SHA-256 (first 16 hex digits) over the notebooks, the data, the tool's SmartPulse assemblies and CI.</summary>
    private static string Key(string cliDll)
    {
        var repo = RepositoryRoot;
        var binaries = Path.GetDirectoryName(Path.GetFullPath(cliDll))!;
        var files = Sources.Select(p => ("notebooks/" + Path.GetFileName(p), p))
            .Concat(Directory.GetFiles(Path.Combine(repo, "data"), "*", SearchOption.AllDirectories).Select(p => ("data/" + Path.GetRelativePath(Path.Combine(repo, "data"), p), p)))
            .Concat(Directory.GetFiles(binaries, "*.dll")
                .Where(p => Path.GetFileName(p) == Path.GetFileName(cliDll) || (Path.GetFileName(p).StartsWith("SmartPulse.", StringComparison.Ordinal) && !Path.GetFileName(p).EndsWith(".Tests.dll", StringComparison.Ordinal)))
                .Select(p => ("bin/" + Path.GetFileName(p), p)))
            .OrderBy(f => f.Item1, StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, path) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            hash.AppendData(SHA256.HashData(File.ReadAllBytes(path)));
        }

        hash.AppendData(Encoding.UTF8.GetBytes("CI=" + Environment.GetEnvironmentVariable("CI")));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private sealed record StoredResult(int ExitCode, string Log);
}
