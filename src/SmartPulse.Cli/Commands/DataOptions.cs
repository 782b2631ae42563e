using System.CommandLine;
using System.Text;
using SmartPulse.Analysis.Data;

namespace SmartPulse.Cli.Commands;

/// <summary>
/// The data options shared by <c>profile</c>, <c>segment</c> and <c>score</c> (one definition, so the spelling, help
/// and checks are the same everywhere): reading (<c>--input-format</c>, <c>--sep</c>, <c>--decimal</c>,
/// <c>--thousands</c>, <c>--encoding</c>, <c>--threads</c>), large files (<c>--sample</c>, <c>--float32</c>,
/// <c>--out-of-core</c>) and the written file (<c>--out-format</c>). A command adds the groups it uses
/// (<see cref="DataOptionSet"/>).
/// </summary>
public sealed class DataOptions
{
    private readonly Option<string> _decimal = new("--decimal") { Description = "Decimal separator of the numbers in the file: '.' (default) or ','.", DefaultValueFactory = _ => "." };
    private readonly Option<string?> _thousands = new("--thousands") { Description = "Thousands separator to ignore in numbers: ',', '.', ' ' or \"'\" (default: none)." };
    private readonly Option<string> _encoding = new("--encoding") { Description = "Text encoding: utf-8 (default; BOM optional), utf-16 or latin1.", DefaultValueFactory = _ => "utf-8" };
    private readonly Option<int?> _threads = new("--threads") { Description = "Threads for the parallel work (default: all cores). Results do not depend on it." };
    private readonly Option<string> _inputFormat = new("--input-format") { Description = "auto (default: Parquet and gzip recognised by content), csv (any delimited text, gzip allowed) or parquet; a file that is not what is declared is an error.", DefaultValueFactory = _ => "auto" };
    private readonly Option<string?> _separator = new("--sep") { Description = "Field separator of a delimited file: ',', ';', 'tab' (or '\\t'), '|' (default: sniffed from the first lines)." };
    private readonly Option<int?> _sample = new("--sample") { Description = "Rows drawn (seeded) for the k sweep with --k auto (and, out of core, for k-means++ seeding, medians and the sampled metrics). Default 100,000." };
    private readonly Option<bool> _float32 = new("--float32") { Description = "Hold the feature matrix as float32 (half the memory); sums and distances stay float64. Results agree with float64 to about 1e-5 relative." };
    private readonly Option<bool> _outOfCore = new("--out-of-core") { Description = "Stream the file in blocks instead of holding it (files bigger than memory); automatic for big files (segment: 2 GiB, score: 256 MiB of delimited text)." };
    private readonly Option<string> _outFormat = new("--out-format") { Description = "auto (default: by the --out extension, .parquet or CSV), csv or parquet.", DefaultValueFactory = _ => "auto" };

    /// <summary>Creates the options.</summary>
    public DataOptions()
    {
        _inputFormat.AcceptOnlyFromAmong("auto", "csv", "parquet");
        _outFormat.AcceptOnlyFromAmong("auto", "csv", "parquet");
    }

    /// <summary>Input files at least this big are streamed (out of core) even without <c>--out-of-core</c>.</summary>
    public const long OutOfCoreFromBytes = 2L << 30;

    /// <summary>Adds the reading options to <paramref name="command"/>.</summary>
    public void AddTo(Command command) => AddTo(command, DataOptionSet.Reading);

    /// <summary>Adds the <paramref name="groups"/> of options to <paramref name="command"/>.</summary>
    public void AddTo(Command command, DataOptionSet groups)
    {
        if (groups.HasFlag(DataOptionSet.Reading))
        {
            command.Options.Add(_inputFormat);
            command.Options.Add(_separator);
            command.Options.Add(_decimal);
            command.Options.Add(_thousands);
            command.Options.Add(_encoding);
            command.Options.Add(_threads);
        }

        if (groups.HasFlag(DataOptionSet.Scale))
        {
            command.Options.Add(_sample);
            command.Options.Add(_float32);
        }

        if (groups.HasFlag(DataOptionSet.Streaming))
        {
            command.Options.Add(_outOfCore);
        }

        if (groups.HasFlag(DataOptionSet.Output))
        {
            command.Options.Add(_outFormat);
        }
    }

    /// <summary><c>--sample</c> (null when not given).</summary>
    public int? Sample(ParseResult parse) => parse.GetValue(_sample);

    /// <summary><c>--float32</c>.</summary>
    public bool Float32(ParseResult parse) => parse.GetValue(_float32);

    /// <summary><c>--out-of-core</c>, or true when <paramref name="file"/> is at least <paramref name="fromBytes"/> (default <see cref="OutOfCoreFromBytes"/>).</summary>
    public bool OutOfCore(ParseResult parse, string file, long fromBytes = OutOfCoreFromBytes) =>
        parse.GetValue(_outOfCore) || (File.Exists(file) && new FileInfo(file).Length >= fromBytes);

    /// <summary>True when the output <paramref name="path"/> is written as Parquet (<c>--out-format</c>, else its extension).</summary>
    public bool WritesParquet(ParseResult parse, string path) => parse.GetValue(_outFormat) switch
    {
        "parquet" => true,
        "csv" => false,
        _ => path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase),
    };

    /// <summary>Checks <paramref name="file"/> against <c>--input-format</c>.</summary>
    /// <exception cref="ArgumentException">The content is not the declared kind (the message says what it is).</exception>
    public void CheckInput(ParseResult parse, string file)
    {
        var declared = parse.GetValue(_inputFormat);
        if (declared == "auto" || !File.Exists(file))
        {
            return;
        }

        var isParquet = ColumnarReader.IsParquetFile(file);
        if (declared == "parquet" && !isParquet)
        {
            throw new ArgumentException($"{file}: --input-format parquet, but the file does not start with Parquet's PAR1 magic bytes. Drop --input-format (delimited text is read by content) or pass the Parquet file.");
        }

        if (declared == "csv" && isParquet)
        {
            throw new ArgumentException($"{file}: --input-format csv, but the file is Parquet. Drop --input-format; Parquet is read by content.");
        }
    }

    /// <summary>Reads the options into <see cref="CsvOptions"/> and applies <c>--threads</c>.</summary>
    /// <exception cref="ArgumentException">A value is not accepted (the message names the option and the valid values).</exception>
    public CsvOptions Apply(ParseResult parse)
    {
        var threads = parse.GetValue(_threads);
        if (threads is < 1)
        {
            throw new ArgumentException($"--threads must be at least 1; got {threads}.");
        }

        Analysis.Parallelism.MaxThreads = threads;
        var dec = parse.GetValue(_decimal)!;
        var thousands = parse.GetValue(_thousands);
        if (dec.Length != 1 || (thousands is not null && thousands.Length != 1))
        {
            throw new ArgumentException($"--decimal and --thousands take one character (for example --decimal , --thousands .); got '{dec}' and '{thousands}'.");
        }

        var format = new NumberFormat(dec[0], thousands?[0]);
        format.Validate();
        var encoding = parse.GetValue(_encoding)!.ToLowerInvariant() switch
        {
            "utf-8" or "utf8" => null,
            "utf-16" or "utf16" or "utf-16le" => Encoding.Unicode,
            "utf-16be" => Encoding.BigEndianUnicode,
            "latin1" or "latin-1" or "iso-8859-1" or "windows-1252" or "cp1252" => Encoding.Latin1,
            var other => throw new ArgumentException($"--encoding '{other}' is not supported; use utf-8, utf-16, utf-16be or latin1."),
        };
        char? separator = parse.GetValue(_separator) switch
        {
            null => null,
            "tab" or "\\t" or "\t" => '\t',
            { Length: 1 } one when one is "," or ";" or "|" or ":" or " " => one[0],
            var other => throw new ArgumentException($"--sep '{other}' is not supported; use ',', ';', 'tab', '|', ':' or ' '."),
        };
        return new CsvOptions { Numbers = format, Encoding = encoding, Delimiter = separator };
    }
}
