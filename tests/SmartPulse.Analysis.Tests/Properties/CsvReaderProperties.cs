using System.Text;
using FsCheck.Xunit;
using SmartPulse.Analysis.Data;

namespace SmartPulse.Analysis.Tests.Properties;

/// <summary>
/// Issue 16: random bytes and random CSV-shaped text give either a result or one
/// <see cref="CsvFormatException"/> naming the source (and the line, for content errors) — never a
/// crash, a hang or another exception type. Every case runs under a 30-second guard against hangs.
/// </summary>
[Properties(Arbitrary = [typeof(CsvInputs)], MaxTest = 300)]
public sealed class CsvReaderProperties
{
    private const string Source = "random.csv";

    [Property]
    public bool ByteTokenizerReadsCsvShapedText(CsvText input) => Check(() => ReadAllRecords(Encoding.UTF8.GetBytes(input.Text), ','));

    [Property]
    public bool ByteTokenizerReadsRandomBytes(RawBytes input) => Check(() => ReadAllRecords(input.Bytes, ','));

    [Property]
    public bool ByteTokenizerWithTabsAndSemicolons(CsvText input) =>
        Check(() => ReadAllRecords(Encoding.UTF8.GetBytes(input.Text), '\t')) && Check(() => ReadAllRecords(Encoding.UTF8.GetBytes(input.Text), ';'));

    [Property]
    public bool ColumnarReaderReadsCsvShapedText(CsvText input) => Check(() => ColumnarReader.ReadText(input.Text, Source));

    [Property]
    public bool ColumnarReaderReadsRandomBytes(RawBytes input) => Check(() => ColumnarReader.ReadText(CsvInputs.Utf8(input.Bytes), Source));

    [Property]
    public bool LoaderReadsRandomFiles(RawBytes input)
    {
        var path = Path.Combine(Path.GetTempPath(), $"smartpulse-prop-{Environment.ProcessId}-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, input.Bytes);
        try
        {
            return Check(() => CsvLoader.Read(path), path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static int ReadAllRecords(byte[] bytes, char delimiter)
    {
        var reader = new CsvByteReader(new MemoryStream(bytes), delimiter, Source, bufferSize: 7);
        var fields = 0;
        while (reader.Next())
        {
            Assert.True(reader.Line >= 1, $"line {reader.Line}");
            for (var i = 0; i < reader.FieldCount; i++)
            {
                fields += reader.Field(i).Length >= 0 ? 1 : 0;
            }
        }

        return fields;
    }

    private static bool Check<T>(Func<T> read, string source = Source)
    {
        var task = Task.Run(() =>
        {
            try
            {
                read();
                return null;
            }
            catch (CsvFormatException e)
            {
                return e;
            }
        });
        Assert.True(task.Wait(TimeSpan.FromSeconds(30)), "the reader did not finish within 30 s (hang)");
        if (task.Result is { } error)
        {
            Assert.Equal(source, error.FilePath);
            Assert.StartsWith(source, error.Message, StringComparison.Ordinal);
            Assert.True(error.Line is >= 1 || IsWholeFileProblem(error), $"no line in: {error.Message}");
        }

        return true;
    }

    private static bool IsWholeFileProblem(CsvFormatException e) =>
        e.Problem.Contains("empty", StringComparison.Ordinal) || e.Problem.Contains("encod", StringComparison.OrdinalIgnoreCase)
        || e.Problem.Contains("UTF-16", StringComparison.Ordinal) || e.Problem.Contains("Latin-1", StringComparison.Ordinal);
}
