using Microsoft.Data.Analysis;

namespace SmartPulse.Analysis.Data;

/// <summary>
/// A known dataset: its file in <c>data/</c>, delimiter, id column and declared column schema
/// (types, display names, units, meanings). <see cref="Load"/> gives a typed frame in one line.
/// </summary>
/// <param name="FileName">The file name inside the repository's <c>data/</c> folder.</param>
/// <param name="Title">A short human title.</param>
/// <param name="Source">Where the data comes from.</param>
/// <param name="Delimiter">The field delimiter.</param>
/// <param name="IdColumn">The unique id column, if the file has one.</param>
/// <param name="Columns">Every column, in file order.</param>
/// <param name="Quirks">Known oddities a reader should know about.</param>
public sealed record DatasetDescriptor(
    string FileName,
    string Title,
    string Source,
    char Delimiter,
    string? IdColumn,
    IReadOnlyList<ColumnSpec> Columns,
    IReadOnlyList<string> Quirks)
{
    /// <summary>The full path of the file, found by <see cref="DataDirectory.Resolve(string)"/>.</summary>
    public string Path => DataDirectory.Resolve(FileName);

    /// <summary>The reading options: declared delimiter, schema and id column.</summary>
    public CsvOptions Options => new() { Delimiter = Delimiter, Schema = Columns, IdColumn = IdColumn };

    /// <summary>Loads the dataset as a typed frame (as <see cref="CsvLoader.Load"/>; <see cref="Read"/> adds the load report).</summary>
    public DataFrame Load() => Read().Frame;

    /// <summary>Loads the dataset with the load report: delimiter, column types, missing counts (as <see cref="CsvLoader.Read"/>; <see cref="Load"/> returns only the frame).</summary>
    public LoadResult Read() => CsvLoader.Read(Path, Options);

    /// <summary>The column spec named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such column; the message lists the columns.</exception>
    public ColumnSpec Column(string name) =>
        Columns.FirstOrDefault(c => c.Name == name)
        ?? throw new ArgumentException($"{FileName} has no column '{name}'. Columns: {string.Join(", ", Columns.Select(c => c.Name))}.", nameof(name));
}
