using SmartPulse.Analysis.Data;
using SmartPulse.Analysis.Samples;

namespace SmartPulse.Cli.Tests;

/// <summary><c>smartpulse notebooks copy DIR</c>: the walkthroughs and datasets the tool carries, written for a user.</summary>
public class NotebooksCommandTests
{
    private static string Repo => Path.GetDirectoryName(Path.GetDirectoryName(DataDirectory.Resolve("Mall_Customers.csv")))!;

    [Fact]
    public void Copy_writes_every_walkthrough_and_dataset_byte_identical_and_keeps_changed_files_without_force()
    {
        var dir = Directory.CreateTempSubdirectory("smartpulse-copy-").FullName;
        try
        {
            var (exit, stdout, stderr) = CliRunner.Run("notebooks", "copy", dir);
            Assert.True(exit == 0, stderr);
            Assert.Contains("smartpulse run notebooks", stdout, StringComparison.Ordinal);
            var committed = Directory.GetFiles(Path.Combine(Repo, "notebooks"), "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(committed, Directory.GetFiles(Path.Combine(dir, "notebooks")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            foreach (var name in committed)
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(Repo, "notebooks", name!)), File.ReadAllBytes(Path.Combine(dir, "notebooks", name!)));
            }

            foreach (var dataset in Datasets.All)
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(Repo, "data", dataset.FileName)), File.ReadAllBytes(Path.Combine(dir, "data", dataset.FileName)));
            }

            // Again: nothing differs, fine. A user's edit is kept unless --force.
            Assert.Equal(0, CliRunner.Run("notebooks", "copy", dir).Exit);
            var edited = Path.Combine(dir, "notebooks", committed[0]!);
            File.WriteAllText(edited, "{}");
            var (keep, _, keepErr) = CliRunner.Run("notebooks", "copy", dir);
            Assert.Equal(1, keep);
            Assert.Contains(edited, keepErr, StringComparison.Ordinal);
            Assert.Contains("--force", keepErr, StringComparison.Ordinal);
            Assert.Equal("{}", File.ReadAllText(edited));
            Assert.Equal(0, CliRunner.Run("notebooks", "copy", dir, "--force").Exit);
            Assert.Equal(File.ReadAllBytes(Path.Combine(Repo, "notebooks", committed[0]!)), File.ReadAllBytes(edited));

            // A file where the folder should be is a usage error.
            var file = Path.Combine(dir, "a-file");
            File.WriteAllText(file, "x");
            Assert.Equal(2, CliRunner.Run("notebooks", "copy", file).Exit);
            Assert.Equal(committed, CliRunner.Run("notebooks", "list").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
