using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;
using SmartPulse.Server.Hosting;

namespace SmartPulse.Server.Scoring;

/// <summary>
/// Turns a scoring request into the frame a model scores: JSON rows (objects keyed by column name) or CSV text. Every
/// input column the model needs must be present; numeric inputs must hold numbers (JSON numbers, or text in invariant
/// culture such as "42.5"); a missing value is accepted only where the model imputes. Errors name field, row and value.
/// </summary>
internal static class ScoreInput
{
    private const int ValueLimit = 100;

    /// <summary>Reads JSON rows (an array of objects) into a frame with the model's input columns.</summary>
    public static DataFrame FromJson(JsonElement rows, LoadedModel model, int maxRows)
    {
        if (rows.ValueKind != JsonValueKind.Array)
        {
            throw new InputException($"\"rows\" must be an array of objects (one per customer), got {rows.ValueKind}.", field: "rows");
        }

        var count = rows.GetArrayLength();
        CheckCount(count, maxRows);
        var inputs = model.Model.Pipeline.RequiredInputs;
        var numbers = new double?[inputs.Count][];
        var texts = new string?[inputs.Count][];
        for (var j = 0; j < inputs.Count; j++)
        {
            if (model.TextInputs.Contains(inputs[j]))
            {
                texts[j] = new string?[count];
            }
            else
            {
                numbers[j] = new double?[count];
            }
        }

        var i = 0;
        foreach (var row in rows.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Object)
            {
                throw new InputException($"Row {i} is {row.ValueKind}, not an object; send each customer as {{\"{inputs[0]}\": value, ...}}.", row: i, value: Truncate(row.GetRawText()));
            }

            for (var j = 0; j < inputs.Count; j++)
            {
                var name = inputs[j];
                if (!row.TryGetProperty(name, out var cell))
                {
                    var found = string.Join(", ", row.EnumerateObject().Select(p => $"'{p.Name}'"));
                    throw new InputException(
                        $"Row {i} has no field '{name}'. Model '{model.Name}' needs: {string.Join(", ", inputs.Select(c => $"'{c}'"))}; the row has: {(found.Length == 0 ? "no fields" : found)}.",
                        field: name, row: i);
                }

                if (texts[j] is { } text)
                {
                    texts[j]![i] = cell.ValueKind switch
                    {
                        JsonValueKind.Null => null,
                        JsonValueKind.String => cell.GetString(),
                        _ => cell.GetRawText(),
                    };
                }
                else
                {
                    numbers[j]![i] = Number(cell, name, i, model);
                }
            }

            i++;
        }

        var columns = new List<DataFrameColumn>();
        for (var j = 0; j < inputs.Count; j++)
        {
            columns.Add(texts[j] is { } t ? new StringDataFrameColumn(inputs[j], t) : new DoubleDataFrameColumn(inputs[j], numbers[j]!));
        }

        return new DataFrame(columns);
    }

    /// <summary>Reads CSV text (header row first) and checks the model's input columns.</summary>
    public static DataFrame FromCsv(string text, LoadedModel model, int maxRows)
    {
        LoadResult loaded;
        try
        {
            loaded = CsvLoader.ReadText(text, "request body");
        }
        catch (CsvFormatException ex)
        {
            throw new InputException(ex.Message, field: ex.Column, row: ex.Line is { } line ? Math.Max(0, line - 2) : null);
        }

        var frame = loaded.Frame;
        CheckCount(frame.Rows.Count, maxRows);
        var inputs = model.Model.Pipeline.RequiredInputs;
        var present = frame.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var missing = inputs.Where(c => !present.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new InputException(
                $"The CSV lacks column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} that model '{model.Name}' needs. Its header has: {string.Join(", ", frame.Columns.Select(c => $"'{c.Name}'"))}.",
                field: missing[0]);
        }

        foreach (var name in inputs.Where(c => !model.TextInputs.Contains(c)))
        {
            var column = frame[name];
            if (!FrameColumns.IsNumeric(column))
            {
                var cells = FrameColumns.Text(column);
                var bad = Enumerable.Range(0, cells.Length).FirstOrDefault(r => cells[r] is { } v && !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _), -1);
                var at = bad < 0 ? 0 : bad;
                throw new InputException(
                    $"Column '{name}' must hold numbers, but row {at} (line {at + 2}) has '{Truncate(cells[at] ?? string.Empty)}'. Use digits with a '.' decimal point and no thousands separators.",
                    field: name, row: at, value: Truncate(cells[at] ?? string.Empty));
            }

            if (column.NullCount > 0 && !model.ImputedInputs.Contains(name))
            {
                var values = FrameColumns.Numeric(column);
                var at = Array.FindIndex(values, v => v is null);
                throw new InputException(MissingMessage(name, at, model), field: name, row: at);
            }
        }

        return frame;
    }

    private static double? Number(JsonElement cell, string name, int row, LoadedModel model)
    {
        switch (cell.ValueKind)
        {
            case JsonValueKind.Number when cell.TryGetDouble(out var d) && double.IsFinite(d):
                return d;
            case JsonValueKind.String when double.TryParse(cell.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed):
                return parsed;
            case JsonValueKind.Null when model.ImputedInputs.Contains(name):
                return null;
            case JsonValueKind.Null:
                throw new InputException(MissingMessage(name, row, model), field: name, row: row, value: "null");
            default:
                var raw = cell.ValueKind == JsonValueKind.String ? cell.GetString() ?? string.Empty : cell.GetRawText();
                throw new InputException(
                    $"Row {row}, field '{name}': '{Truncate(raw)}' is not a number. Send a JSON number such as 42.5.",
                    field: name, row: row, value: Truncate(raw));
        }
    }

    private static string MissingMessage(string name, int row, LoadedModel model) =>
        $"Row {row}, field '{name}' is missing; model '{model.Name}' was trained without missing values there, so it needs a number.";

    private static void CheckCount(long count, int maxRows)
    {
        if (count == 0)
        {
            throw new InputException("The request has no rows; send at least one customer.", field: "rows");
        }

        if (count > maxRows)
        {
            throw new InputException($"The request has {count} rows; the limit is {maxRows} per request. Split it into batches.", field: "rows", status: 413, title: "Too many rows");
        }
    }

    private static string Truncate(string value) => value.Length <= ValueLimit ? value : value[..ValueLimit] + "…";
}
