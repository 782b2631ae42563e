using System.IO.Compression;
using System.Text;
using Parquet;
using Parquet.Schema;
using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Exploration;

namespace SmartPulse.Analysis.Tests.Data.Streaming;

/// <summary>Toy files for every reader of <see cref="ColumnarReader"/>, with hand-computed expectations.</summary>
public sealed class ColumnarReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpulse-reader-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private static byte[] Gzip(string text)
    {
        using var memory = new MemoryStream();
        using (var gz = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(Encoding.UTF8.GetBytes(text));
        }

        return memory.ToArray();
    }

    [Theory]
    [InlineData("toy.csv", "id,age,income,city\r\n1,20,1.5,\"Paris, FR\"\r\n2,,2.5,Oslo\r\n3,40,NA,\"multi\nline\"\r\n")]
    [InlineData("toy.tsv", "id\tage\tincome\tcity\n1\t20\t1.5\tParis, FR\n2\t\t2.5\tOslo\n3\t40\tNA\t\"multi\nline\"\n")]
    [InlineData("toy.txt", "id;age;income;city\r1;20;1.5;Paris, FR\r2;;2.5;Oslo\r3;40;NA;\"multi\nline\"")]
    public void EveryDelimiterAndLineEndGivesTheSameTypedColumns(string name, string content)
    {
        var table = ColumnarReader.Read(Write(name, content));
        Assert.Equal(3, table.Rows);
        Assert.Equal([ColumnKind.Integer, ColumnKind.Integer, ColumnKind.Double, ColumnKind.Text], table.Columns.Select(c => c.Kind));
        Assert.Equal([0L, 1, 1, 0], table.Columns.Select(c => c.MissingCount));
        Assert.Equal([20.0, double.NaN, 40], table.Numbers("age"));
        var frame = table.ToDataFrame();
        Assert.Equal("multi\nline", frame["city"][2]);
        Assert.Equal("Paris, FR", frame["city"][0]);
    }

    [Fact]
    public void GzipRoundTripEqualsThePlainFile()
    {
        const string text = "a,b\n1,x\n2.5,y\n,z\n";
        var plain = ColumnarReader.Read(Write("p.csv", text)).Describe();
        var gz = ColumnarReader.Read(Write("p.csv.gz", Gzip(text))).Describe();
        Assert.Equal(plain.Numeric.Single(), gz.Numeric.Single());
        Assert.Equal(plain.Categorical.Single(), gz.Categorical.Single());
        Assert.Equal(1.75, gz.Numeric.Single().Mean, 12);
    }

    [Fact]
    public void TruncatedGzipIsAClearError()
    {
        var sb = new StringBuilder("a,b\n");
        for (var i = 0; i < 20000; i++)
        {
            sb.Append(i).Append(',').Append(i * 7 % 13).Append('\n');
        }

        var bytes = Gzip(sb.ToString());
        var path = Write("cut.csv.gz", bytes[..(bytes.Length / 2)]);
        var ex = Assert.Throws<CsvFormatException>(() => ColumnarReader.Read(path));
        Assert.Contains("truncated", ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public async Task ParquetRoundTripKeepsTypesAndNulls()
    {
        var schema = new ParquetSchema(new DataField<int?>("id"), new DataField<double?>("income"), new DataField<string>("city"));
        var path = Path.Combine(_dir, "t.parquet");
        await using (var file = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, file);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<int>(schema.DataFields[0], new int?[] { 1, 2, 3 }.AsMemory());
            await group.WriteAsync<double>(schema.DataFields[1], new double?[] { 1.5, null, 4.5 }.AsMemory());
            await group.WriteAsync(schema.DataFields[2], new[] { "a", null, "a" });
        }

        var table = ColumnarReader.Read(path);
        Assert.Equal('\0', table.Delimiter);
        Assert.Equal([ColumnKind.Integer, ColumnKind.Double, ColumnKind.Text], table.Columns.Select(c => c.Kind));
        Assert.Equal([0L, 1, 1], table.Columns.Select(c => c.MissingCount));
        var d = table.Describe();
        Assert.Equal(3.0, d.Numeric.Single(s => s.Column == "income").Mean, 12);
        Assert.Equal(("a", 2), (d.Categorical.Single().Top, d.Categorical.Single().Freq));
    }

    [Fact]
    public void MalformedRowDeepInTheFileNamesLineAndColumn()
    {
        var sb = new StringBuilder("a,b,c\n");
        for (var i = 0; i < 50000; i++)
        {
            sb.Append("1,2,3\n");
        }

        sb.Append("1,2\n");
        var ex = Assert.Throws<CsvFormatException>(() => ColumnarReader.Read(Write("deep.csv", sb.ToString())));
        Assert.Equal(50002, ex.Line);
        Assert.Equal("b", ex.Column);
        Assert.Contains("expected 3 fields", ex.Message);
    }

    [Fact]
    public void MixedColumnIsTextAndRemembersTheFirstNonNumericValueAndLine()
    {
        var table = ColumnarReader.Read(Write("mixed.csv", "x,y\n1,2\n3,abc\n5,-\n7,8\n9,10\n"));
        var y = table.Columns.Single(c => c.Name == "y");
        Assert.Equal(ColumnKind.Text, y.Kind);
        Assert.Equal(new NonNumericValue("abc", 3), y.FirstNonNumeric);
        Assert.Equal(["2", "abc", "-", "8", "10"], table.ToDataFrame()["y"].Cast<string>());
        var message = ColumnarTable.NotNumericMessage(table.SourcePath, y);
        Assert.Contains("line 3, column 'y': value 'abc'", message);
        Assert.Contains("--decimal ,", message);
    }

    [Fact]
    public void DecimalCommaAndThousandsSeparatorsParseWhenDeclared()
    {
        var path = Write("eu.csv", "a;b\n\"1.234,5\";2\n3,25;4\n");
        Assert.Equal(ColumnKind.Text, ColumnarReader.Read(path).Columns[0].Kind);
        var table = ColumnarReader.Read(path, new CsvOptions { Numbers = new NumberFormat(',', '.') });
        Assert.Equal([1234.5, 3.25], table.Numbers("a"));
    }

    [Fact]
    public void Utf16AndLatin1AreNamed()
    {
        var utf16 = Write("u16.csv", Encoding.Unicode.GetBytes("a,b\n1,2\n3,4\n"));
        Assert.Contains("UTF-16 little-endian (no BOM)", Assert.Throws<CsvFormatException>(() => ColumnarReader.Read(utf16)).Message);
        var table = ColumnarReader.Read(utf16, new CsvOptions { Encoding = Encoding.Unicode });
        Assert.Equal([1.0, 3], table.Numbers("a"));

        var latin1 = Write("l1.csv", Encoding.Latin1.GetBytes("name,n\nJosé,1\n"));
        var ex = Assert.Throws<CsvFormatException>(() => ColumnarReader.Read(latin1));
        Assert.Equal(2, ex.Line);
        Assert.Contains("Latin-1", ex.Message);
        Assert.Equal("José", ColumnarReader.Read(latin1, new CsvOptions { Encoding = Encoding.Latin1 }).ToDataFrame()["name"][0]);
    }

    [Fact]
    public void StreamedDescribeEqualsTheDataFrameDescribe()
    {
        var path = DataDirectory.Resolve("marketing_campaign.csv");
        var table = ColumnarReader.Read(path);
        var streamed = table.Describe();
        var frame = Eda.Describe(CsvLoader.Load(path));
        Assert.Equal(frame.Rows, streamed.Rows);
        Assert.Equal(frame.Numeric, streamed.Numeric);
        Assert.Equal(frame.Categorical, streamed.Categorical);
    }

    [Fact]
    public void OnlyRequestedColumnsAreKept()
    {
        var table = ColumnarReader.Read(Write("k.csv", "a,b,c\n1,x,2\n3,y,4\n"), columns: ["c"]);
        Assert.Equal([2.0, 4], table.Numbers("c"));
        Assert.Single(table.Describe().Numeric);
        Assert.Throws<ArgumentException>(() => ColumnarReader.Read(Write("k2.csv", "a\n1\n"), columns: ["zz"]));
    }
}
