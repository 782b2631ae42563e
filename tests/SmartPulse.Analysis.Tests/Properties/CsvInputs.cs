using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace SmartPulse.Analysis.Tests.Properties;

/// <summary>CSV-shaped text: random runs of the characters that matter to a CSV reader.</summary>
public sealed record CsvText(string Text)
{
    public override string ToString() => "CsvText " + System.Text.Json.JsonSerializer.Serialize(Text);
}

/// <summary>Arbitrary bytes, also as decoded text.</summary>
public sealed record RawBytes(byte[] Bytes)
{
    public override string ToString() => "RawBytes " + Convert.ToHexString(Bytes);
}

/// <summary>FsCheck generators for the CSV properties.</summary>
public static class CsvInputs
{
    private static readonly string[] _pieces =
    [
        "a", "Age", "1", "-2.5", "1,234", "1.234,5", "abc", " ", "é", "\uFEFF", "\0", "\u00A0", "𝔸",
        ",", ",", ";", "\t", "|", "\"", "\"", "\"\"", "\r", "\n", "\r\n", "\n\n", "id", "x\"y",
    ];

    public static Arbitrary<CsvText> CsvText() =>
        Gen.Elements(_pieces).ArrayOf().Select(parts => new CsvText(string.Concat(parts))).ToArbitrary();

    public static Arbitrary<RawBytes> RawBytes() =>
        Gen.OneOf(
                Gen.Choose(0, 255).Select(b => (byte)b),
                Gen.Elements((byte)',', (byte)'"', (byte)'\n', (byte)'\r', (byte)'1', (byte)'a', (byte)0xFF, (byte)0xFE, (byte)0x00, (byte)0xC3))
            .ArrayOf()
            .Select(b => new RawBytes(b))
            .ToArbitrary();

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
