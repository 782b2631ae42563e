using System.Diagnostics;
using System.Text;

namespace SmartPulse.Files;

/// <summary>
/// The one way SmartPulse writes a file (notebooks, report pages, CSV exports, model zips,
/// kernel.json). The content goes to a temporary file next to the destination and then replaces it
/// by rename, so a crash or a kill never leaves a half-written file — while respecting what sits
/// at the destination:
/// <list type="bullet">
/// <item>a symbolic link is written through: its final target is replaced and the link stays;</item>
/// <item>a directory, device (<c>/dev/null</c>), FIFO or socket is never replaced (<see cref="UnsafeOutputException"/>);</item>
/// <item>a read-only file is replaced only with <c>force</c> (the <c>--force</c> flag), and keeps its permissions;</item>
/// <item>an existing file's permission bits are carried over to the new content.</item>
/// </list>
/// The temporary file is named <c>.NAME.PID.smartpulse.tmp</c> in the destination's folder; each
/// write first removes such files left by killed runs (whose process no longer exists), including
/// the names earlier versions used (<c>NAME.tmp-PID</c>, <c>.NAME.PID.tmp</c>).
/// </summary>
public static class AtomicFile
{
    /// <summary>The suffix of every temporary file this class creates.</summary>
    public const string TempSuffix = ".smartpulse.tmp";

    private const UnixFileMode AnyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
    private static readonly UTF8Encoding _utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark.</summary>
    /// <param name="path">Destination file (its folder must exist).</param>
    /// <param name="text">The content.</param>
    /// <param name="force">Replace a read-only file.</param>
    /// <returns>The full path of the file actually written (a symbolic link's target).</returns>
    /// <exception cref="UnsafeOutputException">The destination is not a regular file, or is read-only without <paramref name="force"/>.</exception>
    public static string WriteText(string path, string text, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Write(path, stream =>
        {
            var bytes = _utf8.GetBytes(text);
            stream.Write(bytes);
        }, force);
    }

    /// <summary>Writes the bytes <paramref name="write"/> puts into the stream.</summary>
    /// <param name="path">Destination file (its folder must exist).</param>
    /// <param name="write">Fills the stream (a fresh temporary file).</param>
    /// <param name="force">Replace a read-only file.</param>
    /// <returns>The full path of the file actually written (a symbolic link's target).</returns>
    /// <exception cref="UnsafeOutputException">The destination is not a regular file, or is read-only without <paramref name="force"/>.</exception>
    public static string Write(string path, Action<Stream> write, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(write);
        var target = Destination(path, force);
        var directory = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"{directory}: folder not found for output file {target}. Create it first.");
        }

        RemoveStaleTemps(directory, Path.GetFileName(target));
        var temp = TempPath(target, Environment.ProcessId);
        try
        {
            File.Delete(temp);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            }

            File.Move(temp, target, overwrite: true);
            return target;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// Checks <paramref name="path"/> as a destination and returns the file a write would replace:
    /// the final target of a symbolic link, else the full path.
    /// </summary>
    /// <param name="path">The destination.</param>
    /// <param name="force">Whether a read-only file may be replaced.</param>
    /// <returns>The full path of the file that would be written.</returns>
    /// <exception cref="UnsafeOutputException">A directory, device, FIFO or socket, or a read-only file without <paramref name="force"/>.</exception>
    public static string Destination(string path, bool force = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var target = new FileInfo(full).LinkTarget is null ? full : File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        var shown = target == full ? full : $"{full} (a link to {target})";
        switch (FileStat.Kind(target))
        {
            case FileKind.Directory:
                throw new UnsafeOutputException(path, $"{shown} is a folder; give a file path to write.");
            case FileKind.Device:
                throw new UnsafeOutputException(path, $"{shown} is a device, not a regular file; SmartPulse never replaces devices. Give a regular file path.");
            case FileKind.Fifo:
                throw new UnsafeOutputException(path, $"{shown} is a named pipe (FIFO), not a regular file; give a regular file path.");
            case FileKind.Other:
                throw new UnsafeOutputException(path, $"{shown} is a special file (socket), not a regular file; give a regular file path.");
            case FileKind.Regular when !force && IsReadOnly(target):
                throw new UnsafeOutputException(path, $"{shown} is read-only; pass --force to replace it, or choose another path.");
        }

        return target;
    }

    /// <summary>
    /// Deletes temporary files left next to <paramref name="fileName"/> in <paramref name="directory"/>
    /// by runs that were killed (their process id no longer runs).
    /// </summary>
    /// <param name="directory">The folder.</param>
    /// <param name="fileName">The destination's file name.</param>
    /// <returns>How many files were removed.</returns>
    public static int RemoveStaleTemps(string directory, string fileName)
    {
        var removed = 0;
        foreach (var candidate in Directory.EnumerateFiles(directory, fileName.AsSpan().IndexOfAny('*', '?') >= 0 ? "*" : "*" + fileName + "*", SearchOption.TopDirectoryOnly))
        {
            if (TempOwner(Path.GetFileName(candidate), fileName) is { } pid && pid != Environment.ProcessId && !IsRunning(pid)
                && FileStat.Kind(candidate) == FileKind.Regular)
            {
                try
                {
                    File.Delete(candidate);
                    removed++;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Someone else's leftover we may not delete: not our business to fail over.
                }
            }
        }

        return removed;
    }

    /// <summary>The temporary file a process writes before renaming it onto <paramref name="target"/>.</summary>
    /// <param name="target">The destination's full path.</param>
    /// <param name="processId">The writing process.</param>
    /// <returns>The temporary path, in the destination's folder.</returns>
    public static string TempPath(string target, int processId) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{processId}{TempSuffix}");

    private static bool IsReadOnly(string target)
    {
        if ((File.GetAttributes(target) & FileAttributes.ReadOnly) != 0)
        {
            return true;
        }

        // Root may write anything, but a file nobody may write is read-only by intent.
        return !OperatingSystem.IsWindows() && (File.GetUnixFileMode(target) & AnyWrite) == 0;
    }

    private static int? TempOwner(string candidate, string fileName)
    {
        string? pid = null;
        var current = $".{fileName}.";
        var legacyDot = $".{fileName}.";
        var legacyDash = $"{fileName}.tmp-";
        if (candidate.StartsWith(current, StringComparison.Ordinal) && candidate.EndsWith(TempSuffix, StringComparison.Ordinal))
        {
            pid = candidate[current.Length..^TempSuffix.Length];
        }
        else if (candidate.StartsWith(legacyDot, StringComparison.Ordinal) && candidate.EndsWith(".tmp", StringComparison.Ordinal))
        {
            pid = candidate[legacyDot.Length..^".tmp".Length];
        }
        else if (candidate.StartsWith(legacyDash, StringComparison.Ordinal))
        {
            pid = candidate[legacyDash.Length..];
        }

        return pid is { Length: > 0 and < 11 } && pid.All(char.IsAsciiDigit) && int.TryParse(pid, out var id) ? id : null;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
