using System.Buffers.Text;
using System.Globalization;
using System.Text;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Features;
using SmartPulse.Analysis.Preparation;
using SmartPulse.Analysis.Segmentation;
using SmartPulse.Files;

namespace SmartPulse.Analysis.Export;

/// <summary>
/// Scores a delimited file of any size with a nearest-centroid model and writes the segmented file as it reads, with
/// bounded memory (blocks in, blocks out): every row keeps its original fields (a previous <c>Segment</c>/<c>model_*</c>
/// is replaced), gets the model features (<c>model_*</c>: missing values filled with the training medians, scaled as at
/// fit time) and its <c>Segment</c> (nearest centroid, through the one distance kernel — the label the fit gave the
/// row). CSV (text neutralised against spreadsheet formulas and quoted as <see cref="CsvExport"/> does) or Parquet
/// (one row group per <c>rowGroupRows</c> rows). Atomic: temp file in the target's folder, then rename.
/// </summary>
public static class StreamedSegmentExport
{
    /// <summary>Rows per Parquet row group by default.</summary>
    public const int DefaultRowGroupRows = 131_072;

    /// <summary>True when <paramref name="model"/> can be applied row by row here (imputation, selection, scaling and nearest centroid).</summary>
    public static bool Supports(SegmentationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Autoencoder is null && model.Assigner is NearestCentroid
            && model.Pipeline.Steps.All(s => s is FittedImputer or FittedSelect or FittedScaler);
    }

    /// <summary>Scores <paramref name="inputPath"/> and writes <paramref name="outputPath"/>.</summary>
    /// <param name="inputPath">A delimited file (gzip allowed).</param>
    /// <param name="options">How the file is read.</param>
    /// <param name="model">A model <see cref="Supports"/> accepts.</param>
    /// <param name="outputPath">Where to write.</param>
    /// <param name="force">Replace a read-only file.</param>
    /// <param name="parquet">Write Parquet (typed columns: a first pass infers each column's type) instead of CSV.</param>
    /// <param name="progress">Bytes consumed and the file size, now and then.</param>
    /// <param name="rowGroupRows">Rows per Parquet row group.</param>
    /// <exception cref="ArgumentException">A model feature is not a column, or the model is not supported.</exception>
    /// <exception cref="CsvFormatException">A feature value is not a number (file, line, column, value).</exception>
    public static StreamedScoreSummary Write(string inputPath, CsvOptions? options, SegmentationModel model, string outputPath, bool force = false,
        bool parquet = false, Action<long, long>? progress = null, int rowGroupRows = DefaultRowGroupRows)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!Supports(model))
        {
            throw new ArgumentException("This model's preparation or assigner (autoencoder, PCA, encoders, DBSCAN, Ward) is applied on a DataFrame, not streamed; score the file without --out-of-core.", nameof(model));
        }

        options ??= new CsvOptions();
        var path = Data.InputFile.Resolve(inputPath);
        if (Data.InputFile.IsParquet(path))
        {
            throw new ArgumentException($"{path} is Parquet: streamed scoring reads delimited text; score it without --out-of-core (or convert it to CSV).", nameof(inputPath));
        }

        var scoring = RowScorer.For(model);
        var reader = new FeatureChunkReader(path, options, [], FeatureChunkReader.DefaultChunkRows);
        var names = reader.Columns;
        var missing = scoring.Features.Where(f => Array.IndexOf(names, f) < 0).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"{path} lacks the model's feature column(s) {string.Join(", ", missing)}. Columns found: {string.Join(", ", names)}.", nameof(inputPath));
        }

        var added = new HashSet<string>(model.Metadata.ModelFeatures.Select(f => "model_" + f), StringComparer.Ordinal) { SegmentTable.SegmentColumn };
        var kept = Enumerable.Range(0, names.Length).Where(i => !added.Contains(names[i])).ToArray();
        var replaced = names.Where(added.Contains).ToList();
        var featureIndex = scoring.Features.Select(f => Array.IndexOf(names, f)).ToArray();
        var kinds = parquet ? ColumnarReader.Read(path, options, []).Columns.Select(c => c.Kind).ToArray() : null;
        var sizes = new long[scoring.K];
        var imputed = new long[featureIndex.Length];
        long rows = 0;
        AtomicFile.Write(outputPath, stream =>
        {
            using var input = Data.InputFile.OpenUtf8(path, options.Encoding, out var position);
            var csv = new CsvByteReader(input, reader.Delimiter, path);
            csv.Next();
            var total = new FileInfo(path).Length;
            using IRowSink sink = parquet
                ? new ParquetRowSink(stream, [.. kept.Select(i => (names[i], kinds![i]))], model.Metadata.ModelFeatures, options.Numbers, rowGroupRows)
                : new CsvRowSink(stream, [.. kept.Select(i => names[i])], model.Metadata.ModelFeatures, options.Numbers);
            var raw = new double[featureIndex.Length];
            var modelRow = new double[scoring.Dimensions];
            while (csv.Next())
            {
                if (csv.FieldCount != names.Length)
                {
                    throw new CsvFormatException(path, csv.Line, null, $"expected {names.Length} fields (as in the header) but found {csv.FieldCount}. Check for a missing or extra delimiter.");
                }

                for (var j = 0; j < featureIndex.Length; j++)
                {
                    raw[j] = ParseFeature(csv, featureIndex[j], options, path, scoring.Features[j], out var gap);
                    if (gap)
                    {
                        imputed[j]++;
                    }
                }

                var segment = scoring.Score(raw, modelRow, path, csv.Line);
                sizes[segment]++;
                sink.Add(csv, kept, modelRow, segment);
                if ((++rows & 0xFFFF) == 0)
                {
                    progress?.Invoke(position(), total);
                }
            }
        }, force);
        var gaps = Enumerable.Range(0, featureIndex.Length).Where(j => imputed[j] > 0).ToDictionary(j => scoring.Features[j], j => imputed[j], StringComparer.Ordinal);
        return new StreamedScoreSummary(rows, sizes, gaps, replaced);
    }

    private static double ParseFeature(CsvByteReader csv, int index, CsvOptions options, string path, string feature, out bool gap)
    {
        var trimmed = ColumnBuilder.TrimAscii(csv.Field(index));
        gap = false;
        if (trimmed.Length > 0 && NumberParser.Parse(trimmed, options.Numbers, out var value) != NumberSyntax.None)
        {
            return value;
        }

        var text = Encoding.UTF8.GetString(trimmed);
        if (trimmed.Length > 0 && !options.MissingMarkers.Contains(text))
        {
            throw new CsvFormatException(path, csv.Line, feature, $"value '{text}' is not a number; the model needs numbers in '{feature}'. Fix the value, or pass --decimal , / --thousands , if the file writes numbers that way.");
        }

        gap = true;
        return double.NaN;
    }

    /// <summary>The integer value of a trimmed field, or null.</summary>
    internal static long? Integer(ReadOnlySpan<byte> trimmed) => Utf8Parser.TryParse(trimmed, out long v, out var used) && used == trimmed.Length ? v : null;

    /// <summary>The invariant text of a model-space value ("R").</summary>
    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
