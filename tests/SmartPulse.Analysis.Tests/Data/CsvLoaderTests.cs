using Microsoft.Data.Analysis;
using SmartPulse.Analysis.Data;

namespace SmartPulse.Analysis.Tests.Data;

public class CsvLoaderTests
{
    private static LoadResult Read(string text, CsvOptions? options = null, bool bom = false)
    {
        using var file = new TempCsv(text, bom);
        return CsvLoader.Read(file.Path, options);
    }

    [Theory]
    [InlineData("a,b,c\n1,2,3\n", ',')]
    [InlineData("a\tb\tc\n1\t2\t3\n", '\t')]
    [InlineData("a;b;c\n1;2,5;3\n", ';')]
    [InlineData("\"x,y\";b\n\"1,2\";3\n", ';')]
    public void SniffsTheDelimiter(string text, char expected)
    {
        var result = Read(text);
        Assert.Equal(expected, result.Delimiter);
        Assert.Equal(1, result.Frame.Rows.Count);
    }

    [Theory]
    [InlineData("id,name\r\n1,Ann\r\n2,Bob", false)]
    [InlineData("id,name\n1,Ann\n2,Bob\n", false)]
    [InlineData("id,name\r\n1,Ann\r\n2,Bob\r\n", true)]
    [InlineData("id,name\n1,Ann\n\n2,Bob\n\n", true)]
    public void ReadsAnyLineEndingWithOrWithoutBomAndFinalNewline(string text, bool bom)
    {
        var frame = Read(text, bom: bom).Frame;
        Assert.Equal(["id", "name"], frame.Columns.Select(c => c.Name));
        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal(2L, frame["id"][1]);
        Assert.Equal("Bob", frame["name"][1]);
    }

    [Fact]
    public void ReadsQuotedFieldsWithDelimitersQuotesAndNewlines()
    {
        var frame = Read("id,comment,score\n1,\"Hello, world\",5\n2,\"She said \"\"hi\"\"\",6\n3,\"two\nlines\",7\n").Frame;
        Assert.Equal("Hello, world", frame["comment"][0]);
        Assert.Equal("She said \"hi\"", frame["comment"][1]);
        Assert.Equal("two\nlines", frame["comment"][2]);
        Assert.Equal(7L, frame["score"][2]);
    }

    [Fact]
    public void InfersTypesFromTheWholeColumnNotTheFirstRows()
    {
        // Twelve whole numbers, then a decimal on row 13 and a word on row 14.
        var lines = Enumerable.Range(1, 12).Select(i => $"{i},{i},{i}").ToList();
        lines.Add("13,13.5,13");
        lines.Add("14,14,fourteen");
        var result = Read("i,d,t\n" + string.Join("\n", lines));
        Assert.Equal([ColumnKind.Integer, ColumnKind.Double, ColumnKind.Text], result.Columns.Select(c => c.Kind));
        Assert.IsType<Int64DataFrameColumn>(result.Frame["i"]);
        Assert.IsType<DoubleDataFrameColumn>(result.Frame["d"]);
        Assert.Equal(13.5, result.Frame["d"][12]);
        Assert.Equal("1", result.Frame["t"][0]);
    }

    [Fact]
    public void ParsesWithTheInvariantCultureRegardlessOfTheCurrentCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            var frame = Read("x\n1.5\n-2.25\n1e3\n").Frame;
            Assert.Equal([1.5, -2.25, 1000.0], Enumerable.Range(0, 3).Select(i => (double)frame["x"][i]!));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void MissingCellsBecomeNullsAndAreCounted()
    {
        var result = Read("id,income,job\n1,100,Artist\n2,,\n3,NA,  \n4,250,Doctor\n");
        var income = result.Frame["income"];
        Assert.Equal(ColumnKind.Integer, result.Columns[1].Kind);
        Assert.Null(income[1]);
        Assert.Null(income[2]);
        Assert.Equal(2, income.NullCount);
        Assert.Equal([0L, 2L, 2L], result.Columns.Select(c => c.MissingCount));
        Assert.Equal(4L, result.MissingCells);
        Assert.Null(result.Frame["job"][2]);
    }

    [Fact]
    public void DeclaredDatesParseWithTheirFormat()
    {
        var options = new CsvOptions { Schema = [new ColumnSpec("since", ColumnKind.Date, "dd-MM-yyyy")] };
        var frame = Read("id,since\n1,04-09-2012\n2,31-12-2013\n", options).Frame;
        Assert.Equal(new DateTime(2012, 9, 4), frame["since"][0]);
        Assert.Equal(new DateTime(2013, 12, 31), frame["since"][1]);
    }

    [Fact]
    public void DeclaredTextKeepsZeroPaddedIds()
    {
        var options = new CsvOptions { Schema = [new ColumnSpec("id", ColumnKind.Text)], IdColumn = "id" };
        var frame = Read("id,x\n0001,1\n0002,2\n", options).Frame;
        Assert.Equal("0001", frame["id"][0]);
    }

    [Fact]
    public void MissingFileNamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-smartpulse", "customers.csv");
        var ex = Assert.Throws<FileNotFoundException>(() => CsvLoader.Read(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains("not found", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\n  \n")]
    public void EmptyFileIsReported(string text)
    {
        using var file = new TempCsv(text);
        var ex = Assert.Throws<CsvFormatException>(() => CsvLoader.Read(file.Path));
        Assert.Contains(file.Path, ex.Message);
        Assert.Contains("empty", ex.Message);
    }

    [Fact]
    public void HeaderOnlyIsReported()
    {
        using var file = new TempCsv("id,name,age\r\n");
        var ex = Assert.Throws<CsvFormatException>(() => CsvLoader.Read(file.Path));
        Assert.Equal(1, ex.Line);
        Assert.Contains("no data rows", ex.Message);
        Assert.Contains("id, name, age", ex.Message);
    }

    [Fact]
    public void RaggedRowNamesLineAndFieldCounts()
    {
        using var file = new TempCsv("id,name,age\n1,Ann,30\n2,\"Bob, Jr\",40\n3,Cy\n4,Di,50\n");
        var ex = Assert.Throws<CsvFormatException>(() => CsvLoader.Read(file.Path));
        Assert.Equal(4, ex.Line);
        Assert.Contains($"{file.Path}, line 4", ex.Message);
        Assert.Contains("expected 3 fields", ex.Message);
        Assert.Contains("found 2", ex.Message);
    }

    [Fact]
    public void LineNumbersCountPhysicalLinesInsideQuotedFields()
    {
        using var file = new TempCsv("id,note,age\n1,\"multi\nline\",30\n2,ok,abc\n");
        var options = new CsvOptions { Schema = [new ColumnSpec("age", ColumnKind.Integer)] };
        var ex = Assert.Throws<CsvFormatException>(() => CsvLoader.Read(file.Path, options));
        Assert.Equal(4, ex.Line);
    }

    [Fact]
    public void UnparsableDeclaredNumberNamesLineColumnAndValue()
    {
        using var file = new TempCsv("id,income\n1,100\n2,12,5\n".Replace("12,5", "\"12,5\""));
        var options = new CsvOptions { Schema = [new ColumnSpec("income", ColumnKind.Double)] };
        var ex = Assert.Throws<CsvFormatException>(() => CsvLoader.Read(file.Path, options));
        Assert.Equal(3, ex.Line);
        Assert.Equal("income", ex.Column);
        Assert.Contains("'12,5'", ex.Message);
        Assert.Contains("column 'income'", ex.Message);
    }

    [Fact]
    public void UnparsableDeclaredDateShowsTheFormat()
    {
        using var file = new TempCsv("id\tsince\n1\t04-09-2012\n2\t2012/09/05\n");
        var options = new CsvOptions { Schema = [new ColumnSpec("since", ColumnKind.Date, "dd-MM-yyyy")] };
        var ex = Assert.Throws<CsvFormatException>(() => CsvLoader.Read(file.Path, options));
        Assert.Equal(3, ex.Line);
        Assert.Contains("'2012/09/05'", ex.Message);
        Assert.Contains("dd-MM-yyyy", ex.Message);
    }

    [Fact]
    public void DuplicateColumnNamesAreReported()
    {
        using var file = new TempCsv("id,age,age\n1,2,3\n");
        var ex = Assert.Throws<CsvFormatException>(() => CsvLoader.Read(file.Path));
        Assert.Equal(1, ex.Line);
        Assert.Equal("age", ex.Column);
        Assert.Contains("fields 2 and 3", ex.Message);
    }

    [Fact]
    public void DuplicateIdsAreReportedWithBothLines()
    {
        using var file = new TempCsv("id,x\n7,1\n8,2\n7,3\n");
        var ex = Assert.Throws<CsvFormatException>(() => CsvLoader.Read(file.Path, new CsvOptions { IdColumn = "id" }));
        Assert.Equal(4, ex.Line);
        Assert.Contains("duplicate id '7'", ex.Message);
        Assert.Contains("line 2", ex.Message);
    }

    [Fact]
    public void DeclaredColumnMissingFromHeaderListsTheColumns()
    {
        using var file = new TempCsv("id,x\n1,2\n");
        var options = new CsvOptions { Schema = [new ColumnSpec("Income", ColumnKind.Double)] };
        var ex = Assert.Throws<CsvFormatException>(() => CsvLoader.Read(file.Path, options));
        Assert.Contains("'Income'", ex.Message);
        Assert.Contains("Columns found: id, x", ex.Message);
    }

    [Fact]
    public void UnclosedQuoteIsReported()
    {
        using var file = new TempCsv("id,x\n1,\"open\n2,3\n");
        var ex = Assert.Throws<CsvFormatException>(() => CsvLoader.Read(file.Path));
        Assert.Equal(2, ex.Line);
        Assert.Contains("never closed", ex.Message);
    }

    [Fact]
    public void InvalidUtf8IsReported()
    {
        var path = Path.Combine(Path.GetTempPath(), $"smartpulse-latin1-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, [(byte)'n', (byte)'\n', 0xE9, (byte)'\n']);
        try
        {
            var ex = Assert.Throws<CsvFormatException>(() => CsvLoader.Read(path));
            Assert.Contains("UTF-8", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
