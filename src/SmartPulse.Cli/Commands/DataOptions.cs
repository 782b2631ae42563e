using System.CommandLine;
using System.Text;
using SmartPulse.Analysis.Data;

namespace SmartPulse.Cli.Commands;

/// <summary>
/// The data-reading options shared by <c>profile</c>, <c>segment</c> and <c>score</c>:
/// <c>--decimal</c>, <c>--thousands</c>, <c>--encoding</c> and <c>--threads</c>.
/// </summary>
public sealed class DataOptions
{
    private readonly Option<string> _decimal = new("--decimal") { Description = "Decimal separator of the numbers in the file: '.' (default) or ','.", DefaultValueFactory = _ => "." };
    private readonly Option<string?> _thousands = new("--thousands") { Description = "Thousands separator to ignore in numbers: ',', '.', ' ' or \"'\" (default: none)." };
    private readonly Option<string> _encoding = new("--encoding") { Description = "Text encoding: utf-8 (default; BOM optional), utf-16 or latin1.", DefaultValueFactory = _ => "utf-8" };
    private readonly Option<int?> _threads = new("--threads") { Description = "Threads for the parallel work (default: all cores). Results do not depend on it." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_decimal);
        command.Options.Add(_thousands);
        command.Options.Add(_encoding);
        command.Options.Add(_threads);
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
        return new CsvOptions { Numbers = format, Encoding = encoding };
    }
}
