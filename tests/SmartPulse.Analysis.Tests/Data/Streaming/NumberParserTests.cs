using System.Globalization;
using System.Text;
using SmartPulse.Analysis.Data;

namespace SmartPulse.Analysis.Tests.Data.Streaming;

/// <summary>
/// The fast number path must equal the BCL bit for bit: <c>double.Parse(s, NumberStyles.Float, InvariantCulture)</c>
/// for real numbers and <c>(double)long.Parse(s)</c> for whole numbers (so "-0" is 0, not -0.0).
/// </summary>
public sealed class NumberParserTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("+7")]
    [InlineData("0.0")]
    [InlineData("-0.0")]
    [InlineData("-0e5")]
    [InlineData("0e400")]
    [InlineData("1.5")]
    [InlineData("-1.5")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("-.5e1")]
    [InlineData("00001.2500")]
    [InlineData("0.1")]
    [InlineData("0.3")]
    [InlineData("47.010")]
    [InlineData("-13.647")]
    [InlineData("123456789012345678")]
    [InlineData("1234567890123456789")]
    [InlineData("12345678901234567890")]
    [InlineData("99999999999999999999999")]
    [InlineData("9007199254740993")]
    [InlineData("9007199254740993.0")]
    [InlineData("9007199254740992.5")]
    [InlineData("1e22")]
    [InlineData("1e23")]
    [InlineData("1E+05")]
    [InlineData("123.456e-5")]
    [InlineData("1e-22")]
    [InlineData("1e-23")]
    [InlineData("0.0000000000000000000001")]
    [InlineData("0.00000000000000000000001")]
    [InlineData("12345678901234567.8")]
    [InlineData("1.2345678901234567890123")]
    [InlineData("3.141592653589793238462643383279")]
    [InlineData("0.000000000000000000000000000000000000000000001")]
    [InlineData("4.9e-324")]
    [InlineData("2.2250738585072011e-308")]
    [InlineData("2.2250738585072014e-308")]
    [InlineData("1.7976931348623157e308")]
    [InlineData("8.98846567431158e307")]
    [InlineData("9007199254740991e22")]
    [InlineData("9007199254740993e-22")]
    [InlineData("00000000000000000000001.5")]
    [InlineData("1.0000000000000000000000000001")]
    public void EdgeCasesEqualTheBclBitForBit(string text) => AssertSame(text);

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("1.5.3")]
    [InlineData("1 2")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    [InlineData("0x10")]
    [InlineData("1,5")]
    public void NonNumbersAndOverflowAreNone(string text)
    {
        Assert.Equal(NumberSyntax.None, NumberParser.Parse(Encoding.ASCII.GetBytes(text), NumberFormat.Invariant, out var value));
        Assert.True(double.IsNaN(value));
    }

    [Fact]
    public void RandomDecimalsEqualTheBclBitForBit()
    {
        var random = new Random(15);
        var sb = new StringBuilder();
        for (var i = 0; i < 200_000; i++)
        {
            sb.Clear();
            if (random.Next(3) == 0)
            {
                sb.Append('-');
            }

            var digits = random.Next(1, 22);
            var point = random.Next(-1, digits + 1);
            for (var d = 0; d < digits; d++)
            {
                if (d == point)
                {
                    sb.Append('.');
                }

                sb.Append((char)('0' + random.Next(10)));
            }

            if (random.Next(4) == 0)
            {
                sb.Append('e').Append(random.Next(-40, 40).ToString(CultureInfo.InvariantCulture));
            }

            AssertSame(sb.ToString());
        }
    }

    [Fact]
    public void ScanStopsAtTheFirstByteThatCannotContinueTheNumber()
    {
        Assert.True(NumberParser.TryScan("12.5,7"u8, out var used, out var value, out var syntax));
        Assert.Equal((4, 12.5, NumberSyntax.Real), (used, value, syntax));
        Assert.True(NumberParser.TryScan("-3\n"u8, out used, out value, out syntax));
        Assert.Equal((2, -3.0, NumberSyntax.Integer), (used, value, syntax));
        Assert.False(NumberParser.TryScan("abc"u8, out _, out _, out _));
        Assert.False(NumberParser.TryScan("1e,"u8, out _, out _, out _));
    }

    private static void AssertSame(string text)
    {
        var syntax = NumberParser.Parse(Encoding.ASCII.GetBytes(text), NumberFormat.Invariant, out var value);
        var isWhole = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole);
        if (isWhole)
        {
            Assert.Equal(NumberSyntax.Integer, syntax);
            Assert.Equal(BitConverter.DoubleToInt64Bits(whole), BitConverter.DoubleToInt64Bits(value));
            return;
        }

        var expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(expected))
        {
            Assert.Equal(NumberSyntax.None, syntax);
            return;
        }

        Assert.Equal(NumberSyntax.Real, syntax);
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(value), $"'{text}': expected {expected:R}, got {value:R}");
    }
}
