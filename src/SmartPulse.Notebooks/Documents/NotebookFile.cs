using System.Text;
using SmartPulse.Files;

namespace SmartPulse.Notebooks.Documents;

/// <summary>Loads and saves notebooks by file extension (<c>.ipynb</c> or <c>.dib</c>).</summary>
public static class NotebookFile
{
    /// <summary>Whether <paramref name="path"/> has a notebook extension (<c>.ipynb</c>, <c>.dib</c>).</summary>
    /// <param name="path">A file path.</param>
    /// <returns><see langword="true"/> for a notebook file.</returns>
    public static bool IsNotebookPath(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".ipynb" or ".dib";

    /// <summary>Reads a notebook file.</summary>
    /// <param name="path">Path to an .ipynb or .dib file.</param>
    /// <returns>The notebook.</returns>
    /// <exception cref="FormatException">Unknown extension or malformed content.</exception>
    public static Notebook Load(string path) => Parse(File.ReadAllText(path, Encoding.UTF8), path);

    /// <summary>Parses notebook text, choosing the format from <paramref name="path"/>'s extension.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="path">The (real or intended) file path.</param>
    /// <returns>The notebook.</returns>
    public static Notebook Parse(string text, string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".ipynb" => IpynbFormat.Read(text),
        ".dib" => DibFormat.Read(text),
        var ext => throw new FormatException($"'{path}': unknown notebook extension '{ext}'; expected .ipynb or .dib."),
    };

    /// <summary>Serialises a notebook in the format given by <paramref name="path"/>'s extension.</summary>
    /// <param name="notebook">The notebook.</param>
    /// <param name="path">The (real or intended) file path.</param>
    /// <returns>The file content.</returns>
    public static string Format(Notebook notebook, string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".dib" => DibFormat.Write(notebook),
        _ => IpynbFormat.Write(notebook),
    };

    /// <summary>
    /// Writes a notebook atomically with <see cref="AtomicFile"/>: the content goes to a temporary
    /// file in the same folder which then replaces <paramref name="path"/> by rename, so a crash never
    /// leaves a half-written file; a symbolic link is written through, and devices, FIFOs, folders and
    /// (without <paramref name="force"/>) read-only files are refused.
    /// </summary>
    /// <param name="notebook">The notebook.</param>
    /// <param name="path">Destination (.ipynb or .dib; other extensions are written as .ipynb JSON).</param>
    /// <param name="force">Replace a read-only file.</param>
    /// <exception cref="UnsafeOutputException">The destination may not be replaced.</exception>
    public static void Save(Notebook notebook, string path, bool force = false) => WriteAtomic(path, Format(notebook, path), force);

    /// <summary>Writes UTF-8 text (no byte-order mark) to <paramref name="path"/> with <see cref="AtomicFile"/>, creating its folder.</summary>
    /// <param name="path">Destination.</param>
    /// <param name="content">The text.</param>
    /// <param name="force">Replace a read-only file.</param>
    /// <exception cref="UnsafeOutputException">The destination may not be replaced.</exception>
    public static void WriteAtomic(string path, string content, bool force = false)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.WriteText(path, content, force);
    }
}
