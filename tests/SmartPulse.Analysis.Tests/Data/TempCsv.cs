using System.Text;

namespace SmartPulse.Analysis.Tests.Data;

/// <summary>A CSV written to a temp file with exact bytes; deleted on dispose.</summary>
internal sealed class TempCsv : IDisposable
{
    public TempCsv(string content, bool bom = false, string extension = ".csv")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"smartpulse-test-{Guid.NewGuid():N}{extension}");
        var bytes = Encoding.UTF8.GetBytes(content);
        File.WriteAllBytes(Path, bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
