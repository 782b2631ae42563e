using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SmartPulse.Notebooks.Directives;

/// <summary>
/// Resolves <c>#r "nuget: Name[, Version]"</c>. A package whose assembly the host already carries
/// (loaded, or resolvable from the host's dependency manifest) binds to the host's assemblies so
/// types are shared with the host (formatters it registered apply). Any other package is restored
/// for real: a throw-away project referencing it is written under
/// <c>{CacheDirectory}/{name}/{version}</c> and <c>dotnet restore</c>d, and the runtime assemblies
/// listed in its <c>project.assets.json</c> are returned. The resolved list is cached there
/// (<c>assemblies.txt</c>), so later runs skip the restore; delete the folder to force one. A package
/// requested without a version is restored as the latest (<c>*</c>) once and then cached as
/// <c>latest</c>.
/// </summary>
public sealed class PackageResolver
{
    private readonly string _cacheDirectory;
    private readonly TimeSpan _restoreTimeout;

    /// <summary>Creates a resolver.</summary>
    /// <param name="cacheDirectory">
    /// Where restore projects and results are cached; <see langword="null"/> for
    /// <see cref="DefaultCacheDirectory"/>.
    /// </param>
    /// <param name="restoreTimeout">The longest a <c>dotnet restore</c> may take (default 5 minutes).</param>
    public PackageResolver(string? cacheDirectory = null, TimeSpan? restoreTimeout = null)
    {
        _cacheDirectory = Path.GetFullPath(cacheDirectory ?? DefaultCacheDirectory());
        _restoreTimeout = restoreTimeout ?? TimeSpan.FromMinutes(5);
    }

    /// <summary>The cache folder in use.</summary>
    public string CacheDirectory => _cacheDirectory;

    /// <summary>
    /// The default cache: <c>$SMARTPULSE_PACKAGE_CACHE</c> if set, else
    /// <c>$XDG_CACHE_HOME/smartpulse/packages</c>, else <c>~/.cache/smartpulse/packages</c>.
    /// </summary>
    /// <returns>The folder path.</returns>
    public static string DefaultCacheDirectory()
    {
        var explicitDir = Environment.GetEnvironmentVariable("SMARTPULSE_PACKAGE_CACHE");
        if (!string.IsNullOrWhiteSpace(explicitDir))
        {
            return explicitDir;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrWhiteSpace(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "smartpulse", "packages");
    }

    /// <summary>Resolves one package.</summary>
    /// <param name="name">Package id.</param>
    /// <param name="version">Version, or <see langword="null"/> for the latest.</param>
    /// <param name="sources">Extra package sources from <c>#i</c> directives.</param>
    /// <param name="cancellationToken">Cancels a running restore.</param>
    /// <returns>The resolved package.</returns>
    /// <exception cref="InvalidOperationException">The restore failed; the message carries the restore errors.</exception>
    public async Task<ResolvedPackage> ResolveAsync(string name, string? version, IReadOnlyList<string> sources, CancellationToken cancellationToken = default)
    {
        var host = HostAssemblies.Find(name);
        if (host is not null)
        {
            var carried = HostAssemblies.PackageVersion(host);
            return new ResolvedPackage(name, carried, HostAssemblies.Closure(host), [], FromCache: false, HostWarning(name, version, sources, carried));
        }

        var key = version ?? "latest";
        if (sources.Count > 0)
        {
            key += "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', sources))))[..8];
        }

        var dir = Path.Combine(_cacheDirectory, name.ToLowerInvariant(), key);
        Directory.CreateDirectory(dir);
        var manifest = Path.Combine(dir, "assemblies.txt");
        await using var @lock = await AcquireLockAsync(Path.Combine(dir, ".lock"), cancellationToken).ConfigureAwait(false);
        if (File.Exists(manifest))
        {
            var lines = await File.ReadAllLinesAsync(manifest, cancellationToken).ConfigureAwait(false);
            var cached = lines.Skip(1).Where(l => l.Length > 0).ToList();
            if (lines.Length > 0 && cached.All(File.Exists))
            {
                return new ResolvedPackage(name, lines[0], [], cached, FromCache: true);
            }
        }

        var project = Path.Combine(dir, "restore.csproj");
        await File.WriteAllTextAsync(project, ProjectText(name, version, sources), cancellationToken).ConfigureAwait(false);
        var (exitCode, output) = await RunRestoreAsync(project, cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            var errors = output.Split('\n')
                .Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
                .Select(l => l.Trim())
                .Distinct()
                .Take(10)
                .ToList();
            throw new InvalidOperationException(
                $"could not restore NuGet package '{name}'{(version is null ? "" : $" version {version}")}: "
                + (errors.Count > 0 ? string.Join("\n", errors) : output.Trim())
                + "\nCheck the name and version on the package source, or add a source with #i \"nuget: <url or folder>\".");
        }

        var (resolvedVersion, paths) = ReadAssets(Path.Combine(dir, "obj", "project.assets.json"), name);
        await File.WriteAllLinesAsync(manifest, [resolvedVersion, .. paths], cancellationToken).ConfigureAwait(false);
        return new ResolvedPackage(name, resolvedVersion, [], paths, FromCache: false);
    }

    /// <summary>The warning for a host-carried package requested with another version or from a source.</summary>
    internal static string? HostWarning(string name, string? version, IReadOnlyList<string> sources, string carried)
    {
        var asked = new List<string>();
        if (version is not null && !VersionMatches(version, carried))
        {
            asked.Add($"version {version}");
        }

        if (sources.Count > 0)
        {
            asked.Add($"source{(sources.Count == 1 ? "" : "s")} {string.Join(", ", sources)}");
        }

        return asked.Count == 0
            ? null
            : $"warning: #r \"nuget: {name}{(version is null ? "" : ", " + version)}\": this host carries {name} {carried} and binds to that copy "
              + $"(its types are the host's, so its formatters apply); the requested {string.Join(" and ", asked)} {(asked.Count == 1 ? "was" : "were")} not used. "
              + $"Ask for {carried} (or no version), or run the notebook in a host that does not carry {name} to restore it.";
    }

    // "1.2.3" matches itself (case-insensitive); "1.2.*" and "[1.2.3]" match by prefix and exact value; other ranges are
    // taken as satisfied only when they name the carried version.
    private static bool VersionMatches(string requested, string carried)
    {
        var r = requested.Trim();
        if (r.EndsWith('*'))
        {
            return carried.StartsWith(r.TrimEnd('*'), StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(r.Trim('[', ']', '(', ')', ' '), carried, StringComparison.OrdinalIgnoreCase);
    }

    private static string ProjectText(string name, string? version, IReadOnlyList<string> sources)
    {
        var framework = $"net{Environment.Version.Major}.0";
        var sourcesProperty = sources.Count == 0
            ? ""
            : $"    <RestoreAdditionalProjectSources>{System.Security.SecurityElement.Escape(string.Join(';', sources))}</RestoreAdditionalProjectSources>\n";
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- Generated by SmartPulse.Notebooks to restore a #r "nuget: ..." package. -->
              <PropertyGroup>
                <TargetFramework>{framework}</TargetFramework>
                <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
                <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>
                <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <NuGetAudit>false</NuGetAudit>
            {sourcesProperty}  </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{System.Security.SecurityElement.Escape(name)}" Version="{System.Security.SecurityElement.Escape(version ?? "*")}" />
              </ItemGroup>
            </Project>

            """;
    }

    private async Task<(int ExitCode, string Output)> RunRestoreAsync(string project, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(DotnetPath())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        foreach (var arg in new[] { "restore", project, "-nodeReuse:false", "--verbosity", "quiet" })
        {
            info.ArgumentList.Add(arg);
        }

        // A restore started from inside 'dotnet test' or 'dotnet run' must not inherit the parent's MSBuild state.
        foreach (var key in info.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key is "DOTNET_HOST_PATH")
            {
                info.Environment.Remove(key);
            }
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start 'dotnet restore'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_restoreTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"'dotnet restore' of {project} did not finish within {_restoreTimeout.TotalSeconds:0} s.");
        }

        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }

    private static string DotnetPath()
    {
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
        {
            return hostPath;
        }

        var processPath = Environment.ProcessPath;
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            return processPath;
        }

        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet")))
        {
            return Path.Combine(root, "dotnet");
        }

        return "dotnet";
    }

    private static (string Version, List<string> Paths) ReadAssets(string assetsPath, string name)
    {
        var assets = JsonNode.Parse(File.ReadAllText(assetsPath))!;
        var packageFolder = (assets["packageFolders"] as JsonObject)?.Select(p => p.Key).FirstOrDefault()
            ?? throw new InvalidOperationException($"{assetsPath} lists no package folder.");
        var libraries = assets["libraries"] as JsonObject ?? [];
        var target = (assets["targets"] as JsonObject)?.Select(p => p.Value).OfType<JsonObject>().FirstOrDefault() ?? [];
        var version = "";
        var paths = new List<string>();
        foreach (var (key, value) in target.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (value?["type"]?.GetValue<string>() != "package")
            {
                continue;
            }

            var id = key.Split('/')[0];
            if (string.Equals(id, name, StringComparison.OrdinalIgnoreCase))
            {
                version = key.Split('/')[1];
            }

            var libPath = libraries[key]?["path"]?.GetValue<string>() ?? key.ToLowerInvariant();
            if (value["runtime"] is JsonObject runtime)
            {
                foreach (var (asset, _) in runtime)
                {
                    if (asset.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                    {
                        paths.Add(Path.Combine(packageFolder, libPath, asset));
                    }
                }
            }
        }

        return (version, paths);
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 3000)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
