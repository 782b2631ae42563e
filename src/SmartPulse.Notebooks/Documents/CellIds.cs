using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SmartPulse.Notebooks.Documents;

/// <summary>
/// Assigns nbformat 4.5 cell ids deterministically: a cell keeps a valid id it already has; a
/// cell without one gets the first 8 hex digits of SHA-256(index, kernel, source), with a numeric
/// suffix on collision. Never random, so writing the same notebook twice is byte-identical.
/// </summary>
public static partial class CellIds
{
    /// <summary>Whether <paramref name="id"/> satisfies nbformat's id rule (1–64 of <c>[a-zA-Z0-9-_]</c>).</summary>
    /// <param name="id">The candidate id.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValid(string? id) => id is { Length: > 0 and <= 64 } && ValidId().IsMatch(id);

    /// <summary>Gives every cell of <paramref name="notebook"/> a valid, unique id.</summary>
    /// <param name="notebook">The notebook to update in place.</param>
    public static void Assign(Notebook notebook)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (IsValid(cell.Id) && used.Add(cell.Id!))
            {
                continue;
            }

            var baseId = Derive(i, cell);
            var id = baseId;
            for (var n = 2; !used.Add(id); n++)
            {
                id = $"{baseId}-{n}";
            }

            cell.Id = id;
        }
    }

    private static string Derive(int index, NotebookCell cell)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{index}\n{cell.KernelName}\n{cell.Source}"));
        return Convert.ToHexStringLower(bytes)[..8];
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]+$")]
    private static partial Regex ValidId();
}
