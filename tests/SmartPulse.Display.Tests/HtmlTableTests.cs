using SmartPulse.Display.Html;

namespace SmartPulse.Display.Tests;

public class HtmlTableTests
{
    [Fact]
    public void Defaults_give_the_standalone_notebook_table()
    {
        var html = HtmlTable.Render(["a", "b"], [new HtmlTableRow(["1", null])], new HtmlTableOptions { Caption = "C", LeftAligned = [true, false], Note = "n" });
        Assert.Equal(
            HtmlTable.Style + "<div style=\"overflow-x:auto\"><table class=\"smartpulse-table\"><caption style=\"text-align:left;font-weight:bold\">C</caption>"
            + "<thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td class=\"sp-text\">1</td><td class=\"sp-missing\">missing</td></tr>"
            + "<tr><td class=\"sp-more\" colspan=\"2\">n</td></tr></tbody></table></div>",
            html);
    }

    [Fact]
    public void Id_row_class_data_attributes_and_cell_classes_are_written_in_order()
    {
        var rows = new[]
        {
            new HtmlTableRow(["0", "Careful", "23", null])
            {
                Class = "segment",
                Data = [new("segment", "0"), new("size", "23")],
                CellClasses = ["num", "name", "num size", "num"],
            },
            new HtmlTableRow(["", "all"]) { Class = "all", CellClasses = [null, null] },
        };
        var html = HtmlTable.Render(["segment", "name", "customers", "mean"], rows, new HtmlTableOptions { Id = "segments", Standalone = false, LeftAligned = [false, true] });
        Assert.Equal(
            "<table id=\"segments\"><thead><tr><th>segment</th><th>name</th><th>customers</th><th>mean</th></tr></thead><tbody>"
            + "<tr class=\"segment\" data-segment=\"0\" data-size=\"23\"><td class=\"num\">0</td><td class=\"sp-text name\">Careful</td>"
            + "<td class=\"num size\">23</td><td class=\"sp-missing num\">missing</td></tr>"
            + "<tr class=\"all\"><td></td><td class=\"sp-text\">all</td></tr></tbody></table>",
            html);
    }

    [Fact]
    public void Every_attribute_value_is_escaped_and_bad_data_names_are_refused()
    {
        var row = new HtmlTableRow(["<b>"]) { Class = "x\" onclick=\"y", Data = [new("note", "\"<'&>")], CellClasses = ["c<"] };
        var html = HtmlTable.Render(["h"], [row], new HtmlTableOptions { Id = "a\"b", Standalone = false });
        Assert.Equal(
            "<table id=\"a&quot;b\"><thead><tr><th>h</th></tr></thead><tbody><tr class=\"x&quot; onclick=&quot;y\" data-note=\"&quot;&lt;&#39;&amp;&gt;\">"
            + "<td class=\"c&lt;\">&lt;b&gt;</td></tr></tbody></table>",
            html);

        foreach (var name in new[] { "", "Size", "a b", "x\"", "1st" })
        {
            var bad = new HtmlTableRow(["1"]) { Data = [new(name, "v")] };
            var ex = Assert.Throws<ArgumentException>(() => HtmlTable.Render(["h"], [new HtmlTableRow(["0"]), bad]));
            Assert.Contains($"body row 1: the attribute name '{name}'", ex.Message, StringComparison.Ordinal);
        }
    }
}
