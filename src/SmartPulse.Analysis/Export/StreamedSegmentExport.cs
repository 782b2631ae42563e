using System.Globalization;
using System.Text;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Preparation;
using SmartPulse.Analysis.Segmentation;
using SmartPulse.Files;

namespace SmartPulse.Analysis.Export;

/// <summary>
/// Writes the segmented CSV of a large delimited file without holding it: the input is streamed a
/// second time and each row is written with its original fields (text neutralised against spreadsheet
/// formulas and quoted as <see cref="CsvExport"/> does), the model features (<c>model_*</c>, imputed and
/// scaled as the model does) and <c>Segment</c>. Atomic: temp file in the target's folder, then rename.
/// </summary>
public static class StreamedSegmentExport
{
    /// <summary>Writes <paramref name="outputPath"/>.</summary>
    /// <param name="table">The table the model was fitted on (for the delimiter, column kinds and row count).</param>
    /// <param name="options">The options the file was read with.</param>
    /// <param name="model">The fitted model.</param>
    /// <param name="labels">One segment per row.</param>
    /// <param name="outputPath">Where to write.</param>
    /// <param name="force">Replace a read-only file.</param>
    public static void Write(ColumnarTable table, CsvOptions? options, SegmentationModel model, IReadOnlyList<int> labels, string outputPath, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(model);
        if (table.Delimiter == '\0')
        {
            throw new ArgumentException("The segmented CSV of a Parquet input is written from a DataFrame; convert the input to CSV, or segment fewer than 200,000 rows.", nameof(table));
        }

        if (outputPath.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"--out {outputPath}: above 200,000 rows the segmented file is streamed as CSV; Parquet output is written for smaller files only. Use a .csv name (or segment a sample).", nameof(outputPath));
        }

        options ??= new CsvOptions();
        var features = model.Metadata.InputFeatures;
        var names = table.Columns.Select(c => c.Name).ToList();
        var featureIndex = features.Select(f => names.IndexOf(f)).ToArray();
        var numeric = table.Columns.Select(c => c.Kind is ColumnKind.Integer or ColumnKind.Double).ToArray();
        var fills = model.Pipeline.Steps.OfType<FittedImputer>().SelectMany(i => i.Fills).ToDictionary(f => f.Column, f => f.Number ?? double.NaN);
        var scaler = model.Pipeline.Steps.OfType<FittedScaler>().FirstOrDefault();
        var scales = features.Select(f => scaler?.Columns.First(c => c.Column == f)).ToArray();
        AtomicFile.Write(outputPath, stream =>
        {
            using var input = Data.InputFile.OpenUtf8(table.SourcePath, options.Encoding, out _);
            var reader = new CsvByteReader(input, table.Delimiter, table.SourcePath);
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            reader.Next();
            writer.Write(string.Join(',', names.Select(n => Quote(CsvExport.Neutralise(n)))
                .Concat(model.Metadata.ModelFeatures.Select(f => Quote(CsvExport.Neutralise("model_" + f))))
                .Append("Segment")));
            writer.Write('\n');
            var row = 0;
            var text = new StringBuilder();
            while (reader.Next())
            {
                text.Clear();
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    if (c > 0)
                    {
                        text.Append(',');
                    }

                    var field = Encoding.UTF8.GetString(reader.Field(c));
                    var trimmed = field.Trim();
                    if (trimmed.Length == 0 || options.MissingMarkers.Contains(trimmed))
                    {
                        continue;
                    }

                    text.Append(numeric[c] ? trimmed : Quote(CsvExport.Neutralise(field)));
                }

                for (var j = 0; j < featureIndex.Length; j++)
                {
                    var raw = ColumnBuilder.TrimAscii(reader.Field(featureIndex[j]));
                    var value = NumberParser.Parse(raw, options.Numbers, out var v) == NumberSyntax.None ? fills.GetValueOrDefault(features[j], double.NaN) : v;
                    if (scales[j] is { } s)
                    {
                        value = (value - s.Center) / s.Scale;
                    }

                    text.Append(',').Append(value.ToString("R", CultureInfo.InvariantCulture));
                }

                text.Append(',').Append(labels[row++].ToString(CultureInfo.InvariantCulture)).Append('\n');
                writer.Write(text);
            }
        }, force);
    }

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
