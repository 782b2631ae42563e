namespace SmartPulse.Text.Tests;

public class TextTableTests
{
    [Fact]
    public void Columns_are_as_wide_as_their_widest_cell_two_spaces_apart_and_aligned_per_column()
    {
        var text = TextTable.Render(
            ["name", "n"],
            [["ab", "1"], ["a", "123456"]],
            rightAligned: [false, true]);
        Assert.Equal(
            "name       n\n"
            + "----  ------\n"
            + "ab         1\n"
            + "a     123456",
            text);
    }

    [Fact]
    public void Left_aligned_last_column_has_no_trailing_spaces()
    {
        var text = TextTable.Render(["k", "value"], [["1", "x"], ["22", "yyyyyy"]]);
        Assert.Equal("k   value\n--  ------\n1   x\n22  yyyyyy", text);
    }

    [Fact]
    public void Caption_note_missing_and_ragged_rows()
    {
        var text = TextTable.Render(
            ["a", "b", "c"],
            [["1", null], ["2", "3", "4", "ignored"]],
            rightAligned: [true, true, true],
            caption: "T",
            note: "… 5 more rows",
            missing: "<missing>");
        Assert.Equal(
            "T\n"
            + "a          b  c\n"
            + "-  ---------  -\n"
            + "1  <missing>\n"
            + "2          3  4\n"
            + "… 5 more rows",
            text);
    }

    [Fact]
    public void Table_without_rows_is_header_and_dashes()
    {
        Assert.Equal("col\n---", TextTable.Render(["col"], []));
    }
}
