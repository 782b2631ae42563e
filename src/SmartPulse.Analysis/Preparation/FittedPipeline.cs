using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Analysis;
using SmartPulse.Files;

namespace SmartPulse.Analysis.Preparation;

/// <summary>
/// A fitted preparation pipeline: immutable steps with learned state. <see cref="Transform"/> applies
/// exactly that state to new rows (nothing is learned at transform time, so no leakage). Saves to and
/// loads from JSON; a loaded pipeline gives bit-identical output (doubles are written round-trip).
/// </summary>
public sealed class FittedPipeline
{
    /// <summary>The file format name written in saved pipelines.</summary>
    public const string Format = "smartpulse.preparation-pipeline";

    /// <summary>The current format version.</summary>
    public const int FormatVersion = 1;

    internal FittedPipeline(IReadOnlyList<FittedStep> steps, IReadOnlyList<string> requiredInputs, IReadOnlyList<string> featureNames)
    {
        Steps = steps;
        RequiredInputs = requiredInputs;
        FeatureNames = featureNames;
    }

    /// <summary>The fitted steps, in order.</summary>
    public IReadOnlyList<FittedStep> Steps { get; }

    /// <summary>The input columns new data must have.</summary>
    public IReadOnlyList<string> RequiredInputs { get; }

    /// <summary>The model feature columns coming out of the pipeline.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The fitted step of type <typeparamref name="T"/> (the first one).</summary>
    /// <exception cref="InvalidOperationException">No such step.</exception>
    public T Step<T>()
        where T : FittedStep =>
        Steps.OfType<T>().FirstOrDefault() ?? throw new InvalidOperationException($"The pipeline has no {typeof(T).Name} step; its steps are: {string.Join(", ", Steps.Select(s => s.Name))}.");

    /// <summary>Applies every fitted step to <paramref name="frame"/> (which is not modified).</summary>
    /// <exception cref="ArgumentException">Required input columns are missing; the message lists missing and found columns.</exception>
    public PreparedData Transform(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var present = frame.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var missing = RequiredInputs.Where(c => !present.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"The data lacks column(s) the pipeline was fitted with: {string.Join(", ", missing.Select(m => $"'{m}'"))}. " +
                $"Columns found: {string.Join(", ", frame.Columns.Select(c => c.Name))}.",
                nameof(frame));
        }

        var current = frame;
        var rows = Enumerable.Range(0, (int)frame.Rows.Count).ToArray();
        var reports = new List<StepReport>();
        foreach (var step in Steps)
        {
            var result = step.Transform(current);
            reports.Add(result.Report);
            current = result.Frame;
            rows = Compose(rows, result.KeptRows);
        }

        return new PreparedData(FeatureNames, current, rows, reports);
    }

    /// <summary>Writes the pipeline as JSON.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var unknown = Steps.Select(step => step.GetType()).FirstOrDefault(t => !StepRegistry.IsKnown(t));
        if (unknown is not null)
        {
            throw new NotSupportedException($"The pipeline holds a {unknown.FullName} step, which is not registered for saving. Call StepRegistry.Register<{unknown.Name}>(\"a-name\") once before saving and loading.");
        }

        JsonSerializer.Serialize(stream, new Document(Format, FormatVersion, RequiredInputs, FeatureNames, Steps), StepRegistry.JsonOptions());
    }

    /// <summary>
    /// Writes the pipeline to <paramref name="path"/> atomically with <see cref="AtomicFile"/>: an
    /// existing file is replaced only once the new one is complete; links are written through;
    /// devices, FIFOs and folders are refused, and a read-only file unless <paramref name="force"/>.
    /// </summary>
    /// <exception cref="UnsafeOutputException">The destination may not be replaced.</exception>
    public void Save(string path, bool force = false) => AtomicFile.Write(path, Save, force);

    /// <summary>Reads a pipeline written by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="InvalidDataException">Not a SmartPulse pipeline, or a newer format version.</exception>
    public static FittedPipeline Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Document? doc;
        try
        {
            doc = JsonSerializer.Deserialize<Document>(stream, StepRegistry.JsonOptions());
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Not a valid SmartPulse pipeline: {ex.Message} (a step of your own must be registered with StepRegistry.Register before loading).", ex);
        }

        if (doc is null || doc.Format != Format)
        {
            throw new InvalidDataException($"Not a SmartPulse pipeline (format '{doc?.Format}', expected '{Format}').");
        }

        if (doc.Version > FormatVersion)
        {
            throw new InvalidDataException($"The pipeline has format version {doc.Version}; this SmartPulse reads up to {FormatVersion}. Update SmartPulse.");
        }

        return new FittedPipeline(doc.Steps, doc.RequiredInputs, doc.Features);
    }

    /// <summary>Reads a pipeline from a file.</summary>
    public static FittedPipeline Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    internal static int[] Compose(int[] rows, IReadOnlyList<int>? kept) =>
        kept is null ? rows : kept.Select(k => rows[k]).ToArray();

    private sealed record Document(string Format, int Version, IReadOnlyList<string> RequiredInputs, IReadOnlyList<string> Features, IReadOnlyList<FittedStep> Steps);
}
