using System.Globalization;

namespace SmartPulse.Display.Charts;

/// <summary>
/// One colour and one display name per segment id, shared by every chart of an analysis so segment 2 is the same
/// colour in the scatter, the box plots, the size bars and the profile chart. Colours come from a fixed list by id
/// (Tableau 10, then 10 darker tones, then repeating); noise (−1) is grey.
/// </summary>
public sealed class SegmentPalette
{
    /// <summary>The default colours, in segment-id order.</summary>
    public static IReadOnlyList<string> DefaultColors { get; } =
    [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
        "#2f4b7c", "#a05195", "#d45087", "#665191", "#ff7c43", "#003f5c", "#7a5195", "#ef5675", "#488f31", "#de425b",
    ];

    /// <summary>The colour of noise points (label −1).</summary>
    public const string NoiseColor = "#9e9e9e";

    private readonly IReadOnlyDictionary<int, string> _names;

    /// <summary>Creates a palette.</summary>
    /// <param name="names">Display name per segment id (for example <c>SegmentInsightReport.NameMap</c>); ids without one show as "Segment {id}".</param>
    /// <param name="colors">Colours by segment id (hex); default <see cref="DefaultColors"/>.</param>
    public SegmentPalette(IReadOnlyDictionary<int, string>? names = null, IReadOnlyList<string>? colors = null)
    {
        _names = names ?? new Dictionary<int, string>();
        Colors = colors is { Count: > 0 } ? colors : DefaultColors;
    }

    /// <summary>The palette with no names: "Segment 0", "Segment 1", ….</summary>
    public static SegmentPalette Default { get; } = new();

    /// <summary>The colour list in use.</summary>
    public IReadOnlyList<string> Colors { get; }

    /// <summary>The colour of segment <paramref name="segment"/> (−1 → <see cref="NoiseColor"/>).</summary>
    /// <param name="segment">Segment id.</param>
    public string ColorOf(int segment) => segment < 0 ? NoiseColor : Colors[segment % Colors.Count];

    /// <summary>The display name of segment <paramref name="segment"/> (−1 → "Noise").</summary>
    /// <param name="segment">Segment id.</param>
    public string NameOf(int segment) =>
        segment < 0 ? "Noise" : _names.TryGetValue(segment, out var n) ? n : "Segment " + segment.ToString(CultureInfo.InvariantCulture);
}
