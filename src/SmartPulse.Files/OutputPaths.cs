namespace SmartPulse.Files;

/// <summary>
/// Checks a command runs before it writes anything: an output must not be any of its inputs
/// (compared by resolved real path, and by device and inode where the platform tells, so symbolic
/// links, <c>..</c> segments and hard links are all seen through), and must be a destination
/// <see cref="AtomicFile"/> may replace. Messages name the flag to change.
/// </summary>
public static class OutputPaths
{
    private const int MaxLinks = 40;

    private static readonly StringComparison _pathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// The absolute path with every symbolic link resolved (in the folders and the file itself).
    /// Missing trailing parts are kept as they are, so an output that does not exist yet resolves too.
    /// </summary>
    /// <param name="path">Any path.</param>
    /// <returns>The resolved absolute path.</returns>
    /// <exception cref="IOException">A loop of more than 40 symbolic links.</exception>
    public static string RealPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Resolve(Path.GetFullPath(path), 0);
    }

    /// <summary>Whether two paths name the same file (same real path, or same device and inode).</summary>
    /// <param name="a">A path.</param>
    /// <param name="b">Another path.</param>
    /// <returns><see langword="true"/> when writing one would change the other.</returns>
    public static bool SameFile(string a, string b)
    {
        var realA = RealPath(a);
        var realB = RealPath(b);
        if (string.Equals(realA, realB, _pathComparison))
        {
            return true;
        }

        return FileStat.Identity(realA) is { } idA && FileStat.Identity(realB) is { } idB && idA == idB;
    }

    /// <summary>
    /// Refuses an output that is one of the inputs, or a destination <see cref="AtomicFile"/> would
    /// refuse (folder, device, FIFO, read-only without <paramref name="force"/>).
    /// </summary>
    /// <param name="output">The output path.</param>
    /// <param name="flag">The option that set it, e.g. <c>--out</c>; named in the message.</param>
    /// <param name="force">Whether a read-only file may be replaced (<c>--force</c>).</param>
    /// <param name="inputs">Everything the command reads.</param>
    /// <exception cref="UnsafeOutputException">With a message naming <paramref name="flag"/>.</exception>
    public static void Check(string output, string flag, bool force, params IEnumerable<InputFile> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var input in inputs)
        {
            if (SameFile(output, input.Path))
            {
                throw new UnsafeOutputException(output,
                    $"{flag} {output} is the {input.Role} ({Path.GetFullPath(input.Path)}); writing it would destroy the input. Change {flag} to another file.");
            }
        }

        try
        {
            AtomicFile.Destination(output, force);
        }
        catch (UnsafeOutputException e)
        {
            throw new UnsafeOutputException(output, $"{flag}: {e.Message}");
        }
    }

    private static string Resolve(string full, int depth)
    {
        if (depth > MaxLinks)
        {
            throw new IOException($"{full}: too many levels of symbolic links.");
        }

        var root = Path.GetPathRoot(full) ?? "";
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0)
            {
                continue;
            }

            var next = Path.Combine(current, parts[i]);
            string? link;
            try
            {
                link = new FileInfo(next).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                link = null;
            }

            if (link is not null)
            {
                var target = Path.GetFullPath(link, current);
                var rest = string.Join(Path.DirectorySeparatorChar, parts[(i + 1)..]);
                return Resolve(rest.Length == 0 ? target : Path.GetFullPath(Path.Combine(target, rest)), depth + 1);
            }

            current = next;
        }

        return current;
    }
}
