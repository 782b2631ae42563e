using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using SmartPulse.Analysis.Segmentation;

namespace SmartPulse.Server.Scoring;

/// <summary>The models the scoring API serves, by name (thread-safe).</summary>
public sealed partial class ModelRegistry
{
    private readonly ConcurrentDictionary<string, LoadedModel> _models = new(StringComparer.Ordinal);

    /// <summary>The loaded models, by name (ordinal order).</summary>
    public IReadOnlyList<LoadedModel> All => _models.Values.OrderBy(m => m.Name, StringComparer.Ordinal).ToList();

    /// <summary>Loads a model zip and names it after the file (without extension).</summary>
    /// <exception cref="ArgumentException">The derived name is not valid or already taken.</exception>
    /// <exception cref="InvalidDataException">The file is not a SmartPulse model.</exception>
    public LoadedModel Load(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return Add(name, SegmentationModel.Load(path), Path.GetFileName(path));
    }

    /// <summary>Adds <paramref name="model"/> as <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is not 1–64 letters, digits, '.', '-' or '_', or is already taken.</exception>
    public LoadedModel Add(string name, SegmentationModel model, string source)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!IsValidName(name))
        {
            throw new ArgumentException($"Model name '{name}' is not valid: use 1–64 letters, digits, '.', '-' or '_' (rename the file).", nameof(name));
        }

        var loaded = new LoadedModel(name, model, source);
        if (!_models.TryAdd(name, loaded))
        {
            throw new ArgumentException($"Two models are named '{name}'; model names come from file names, so rename one of the files.", nameof(name));
        }

        return loaded;
    }

    /// <summary>The model called <paramref name="name"/>, or null.</summary>
    public LoadedModel? Find(string name) => _models.TryGetValue(name, out var m) ? m : null;

    /// <summary>True for names the API accepts.</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();
}
