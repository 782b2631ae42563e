using SmartPulse.Analysis.Data;

namespace SmartPulse.Analysis.Exploration.Files;

/// <summary>
/// EDA of a file without loading it into a DataFrame — for files too big for one: pandas'
/// <c>describe()</c>, missing values and group-by summaries, computed by the shared DuckDB engine
/// (<see cref="ProfileEngine.DuckDb"/>) or by the streaming columnar reader (<see cref="ProfileEngine.Stream"/>).
/// Both engines give the same numbers as <see cref="Eda"/> on the file's DataFrame (std with ddof = 1,
/// quartiles and medians by linear interpolation, text ties to the first value seen; floating-point
/// sums may differ in the last bits). DuckDB declines whatever it could not answer exactly as the
/// streaming reader would (a reader error, a mostly numeric text column, options it cannot express);
/// then the streaming reader answers, and <see cref="FileProfile.EngineNote"/> says why.
/// Usage: <c>FileEda.Profile("big.csv").Describe</c>, <c>FileEda.SummarizeBy("big.csv", "Genre", "Age")</c>.
/// </summary>
public static class FileEda
{
    /// <summary><see cref="ProfileEngine.Auto"/> picks DuckDB for files of at least this many bytes (16 MiB); smaller files are read by the streaming reader.</summary>
    public const long AutoDuckDbBytes = 16L << 20;

    /// <summary>The engine names accepted by <see cref="ParseEngine"/>, as the CLI spells them.</summary>
    public static IReadOnlyList<string> EngineNames { get; } = ["auto", "duckdb", "stream"];

    /// <summary>Parses <c>auto</c>, <c>duckdb</c> or <c>stream</c> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Any other name; the message lists the valid ones.</exception>
    public static ProfileEngine ParseEngine(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "auto" => ProfileEngine.Auto,
        "duckdb" => ProfileEngine.DuckDb,
        "stream" => ProfileEngine.Stream,
        _ => throw new ArgumentException($"--engine '{name}' is not an engine; use one of: {string.Join(", ", EngineNames)} (auto: duckdb for plain CSV/TSV files of 16 MiB or more with text columns, stream otherwise).", nameof(name)),
    };

    /// <summary>
    /// The engine <see cref="ProfileEngine.Auto"/> picks for <paramref name="path"/>: DuckDB for a delimited text file
    /// (not gzip, not Parquet) of at least <see cref="AutoDuckDbBytes"/> whose options it can express and whose first
    /// rows hold a text column (the streaming reader keeps one string per text cell; DuckDB counts them in the engine);
    /// the streaming reader otherwise — measured faster and leaner than DuckDB on all-numeric files, whose quartiles
    /// DuckDB's <c>quantile_cont</c> computes slowly (see docs/scale.md).
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static ProfileEngine Choose(string path, CsvOptions? options = null)
    {
        var fullPath = InputFile.Resolve(path);
        options ??= new CsvOptions();
        return new FileInfo(fullPath).Length >= AutoDuckDbBytes && DuckDbSource.Unexpressible(options) is null
            && !InputFile.IsGzip(fullPath) && !InputFile.IsParquet(fullPath) && DuckDbSource.HeadHasText(fullPath, options)
            ? ProfileEngine.DuckDb
            : ProfileEngine.Stream;
    }

    /// <summary>Types, missing values and <c>describe()</c> of every column of <paramref name="path"/> (CSV, TSV, semicolon, gzip or Parquet).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">How to read delimited text; null = defaults.</param>
    /// <param name="engine">Which engine computes it (default: auto).</param>
    /// <param name="progress">Progress (bytes of the file done, total): the streaming reader's bytes read, or DuckDB's query progress scaled to the file size.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CsvFormatException">Bad content: the message names the line, column and value and the fix.</exception>
    public static FileProfile Profile(string path, CsvOptions? options = null, ProfileEngine engine = ProfileEngine.Auto, Action<long, long>? progress = null)
    {
        options ??= new CsvOptions();
        var fullPath = InputFile.Resolve(path);
        var chosen = engine == ProfileEngine.Auto ? Choose(fullPath, options) : engine;
        string? note = null;
        if (chosen == ProfileEngine.DuckDb)
        {
            var source = DuckDbSource.TryCreate(fullPath, options, out note);
            if (source is not null && DuckDbFileEda.TryProfile(source, options, out note, progress) is { } profile)
            {
                return profile;
            }
        }

        var table = ColumnarReader.Read(fullPath, options, progress: progress);
        return new FileProfile(table.SourcePath, table.Delimiter, table.Columns, table.Describe(), ProfileEngine.Stream,
            note is null ? null : "DuckDB declined: " + note);
    }

    /// <summary>pandas' <c>describe()</c> of every column of <paramref name="path"/>; see <see cref="Profile"/>.</summary>
    public static DescribeResult Describe(string path, CsvOptions? options = null, ProfileEngine engine = ProfileEngine.Auto) =>
        Profile(path, options, engine).Describe;

    /// <summary>Missing cells per column of <paramref name="path"/>, in file order (count and percent of rows); see <see cref="Profile"/>.</summary>
    public static IReadOnlyList<MissingValues> Missing(string path, CsvOptions? options = null, ProfileEngine engine = ProfileEngine.Auto) =>
        Profile(path, options, engine).Missing();

    /// <summary>
    /// Count, mean and median of each numeric <paramref name="valueColumns"/> per group of <paramref name="groupColumn"/>
    /// (pandas' <c>df.groupby(key)[values].agg(["count", "mean", "median"])</c>), equal to <see cref="Eda.SummarizeBy"/> on the file's frame.
    /// </summary>
    /// <exception cref="ArgumentException">A column is missing or a value column is not numeric.</exception>
    /// <exception cref="CsvFormatException">Bad content.</exception>
    public static GroupByResult SummarizeBy(string path, string groupColumn, IReadOnlyList<string> valueColumns, CsvOptions? options = null, ProfileEngine engine = ProfileEngine.Auto)
    {
        ArgumentNullException.ThrowIfNull(valueColumns);
        options ??= new CsvOptions();
        var fullPath = InputFile.Resolve(path);
        var chosen = engine == ProfileEngine.Auto ? Choose(fullPath, options) : engine;
        if (chosen == ProfileEngine.DuckDb && DuckDbSource.TryCreate(fullPath, options, out _) is { } source
            && DuckDbFileEda.TrySummarizeBy(source, options, groupColumn, valueColumns, out _) is { } result)
        {
            return result;
        }

        var table = ColumnarReader.Read(fullPath, options, columns: [groupColumn, .. valueColumns]);
        return table.ToDataFrame().SummarizeBy(groupColumn, [.. valueColumns]);
    }
}
