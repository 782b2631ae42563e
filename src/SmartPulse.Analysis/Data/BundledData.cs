using System.Reflection;
using System.Security.Cryptography;
using SmartPulse.Files;

namespace SmartPulse.Analysis.Data;

/// <summary>
/// The four walkthrough datasets (<c>Mall_Customers.csv</c>, <c>Customers.csv</c>, <c>marketing_campaign.csv</c>,
/// <c>ifood_df.csv</c>) embedded in this assembly byte for byte, so the sample descriptors (<c>Samples.Datasets</c>) work from any folder and from
/// the installed <c>smartpulse</c> tool. <see cref="DataDirectory.Resolve(string)"/> falls back to them: a file is extracted once
/// (atomically) into a per-user cache folder named after its SHA-256, and an existing copy is used only when its bytes match.
/// </summary>
public static class BundledData
{
    private const string Prefix = "SmartPulse.Analysis.Data.Bundled.";
    private static readonly Assembly _assembly = typeof(BundledData).Assembly;
    private static readonly object _gate = new();

    /// <summary>The bundled file names, ordinal order.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        [.. _assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..]).Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="fileName"/> is bundled.</summary>
    /// <param name="fileName">A file name such as <c>Mall_Customers.csv</c>.</param>
    public static bool Contains(string fileName) => FileNames.Contains(fileName, StringComparer.Ordinal);

    /// <summary>Opens the bundled bytes of <paramref name="fileName"/>.</summary>
    /// <param name="fileName">A bundled file name.</param>
    /// <exception cref="FileNotFoundException">The file is not bundled; the message lists those that are.</exception>
    public static Stream Open(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        return _assembly.GetManifestResourceStream(Prefix + fileName)
            ?? throw new FileNotFoundException($"'{fileName}' is not one of the datasets bundled in SmartPulse.Analysis ({string.Join(", ", FileNames)}).", fileName);
    }

    /// <summary>The SHA-256 of the bundled bytes, lowercase hex.</summary>
    /// <param name="fileName">A bundled file name.</param>
    public static string Sha256(string fileName)
    {
        using var stream = Open(fileName);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// The path of an extracted copy of <paramref name="fileName"/>: <c>&lt;cache&gt;/SmartPulse/data/&lt;sha-256 prefix&gt;/&lt;name&gt;</c>
    /// under the user's local application data (else the temp folder). Written atomically on first use; rewritten when
    /// an existing copy's bytes differ.
    /// </summary>
    /// <param name="fileName">A bundled file name.</param>
    public static string Extract(string fileName)
    {
        var sha = Sha256(fileName);
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        var folder = Path.Combine(string.IsNullOrEmpty(root) ? Path.GetTempPath() : root, "SmartPulse", "data", sha[..16]);
        var path = Path.Combine(folder, fileName);
        lock (_gate)
        {
            if (File.Exists(path) && FileSha256(path) == sha)
            {
                return path;
            }

            Directory.CreateDirectory(folder);
            AtomicFile.Write(path, target =>
            {
                using var source = Open(fileName);
                source.CopyTo(target);
            });
        }

        return path;
    }

    /// <summary>Writes every bundled file into <paramref name="directory"/> (created if needed), byte-identical.</summary>
    /// <param name="directory">The destination folder.</param>
    /// <param name="overwrite">Replace files that exist with other content; without it such a file is an error.</param>
    /// <returns>The paths written or already identical, in <see cref="FileNames"/> order.</returns>
    /// <exception cref="IOException">A file exists with other content and <paramref name="overwrite"/> is false.</exception>
    public static IReadOnlyList<string> CopyTo(string directory, bool overwrite = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var name in FileNames)
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path) && FileSha256(path) != Sha256(name) && !overwrite)
            {
                throw new IOException($"{path} exists with other content; pass overwrite (--force) to replace it, or choose another folder.");
            }

            if (!File.Exists(path) || FileSha256(path) != Sha256(name))
            {
                AtomicFile.Write(path, target =>
                {
                    using var source = Open(name);
                    source.CopyTo(target);
                }, force: overwrite);
            }

            written.Add(path);
        }

        return written;
    }

    private static string FileSha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
