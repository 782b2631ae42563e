namespace SmartPulse.Files.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AtomicFileTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Writes_a_new_file_and_replaces_an_existing_one_leaving_no_temp()
    {
        var path = _dir.File("out.csv");
        AtomicFile.WriteText(path, "a\n");
        AtomicFile.WriteText(path, "b\n");
        Assert.Equal("b\n", File.ReadAllText(path));
        Assert.Equal(["out.csv"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Writes_through_a_symbolic_link_to_its_target_and_keeps_the_link()
    {
        var target = _dir.File("real.csv", "old");
        var link = _dir.File("link.csv");
        File.CreateSymbolicLink(link, target);
        var written = AtomicFile.WriteText(link, "new");
        Assert.Equal(target, written);
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal(target, new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void Writes_through_a_dangling_link_creating_its_target()
    {
        var target = _dir.File("later.csv");
        var link = _dir.File("link.csv");
        File.CreateSymbolicLink(link, target);
        AtomicFile.WriteText(link, "x");
        Assert.Equal("x", File.ReadAllText(target));
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void Refuses_a_device()
    {
        var e = Assert.Throws<UnsafeOutputException>(() => AtomicFile.WriteText("/dev/null", "x"));
        Assert.Equal("/dev/null is a device, not a regular file; SmartPulse never replaces devices. Give a regular file path.", e.Message);
        Assert.Equal(FileKind.Device, FileStat.Kind("/dev/null"));
    }

    [Fact]
    public void Refuses_a_link_to_a_device_naming_both()
    {
        var link = _dir.File("null.csv");
        File.CreateSymbolicLink(link, "/dev/null");
        var e = Assert.Throws<UnsafeOutputException>(() => AtomicFile.WriteText(link, "x"));
        Assert.StartsWith($"{link} (a link to /dev/null) is a device", e.Message, StringComparison.Ordinal);
        Assert.Equal("/dev/null", new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void Refuses_a_fifo_without_blocking()
    {
        var fifo = _dir.File("pipe");
        TempFolder.Tool("mkfifo", fifo);
        var e = Assert.Throws<UnsafeOutputException>(() => AtomicFile.WriteText(fifo, "x"));
        Assert.Contains("named pipe (FIFO)", e.Message, StringComparison.Ordinal);
        Assert.Equal(FileKind.Fifo, FileStat.Kind(fifo));
    }

    [Fact]
    public void Refuses_a_directory()
    {
        var sub = Directory.CreateDirectory(Path.Combine(_dir.Path, "sub")).FullName;
        var e = Assert.Throws<UnsafeOutputException>(() => AtomicFile.WriteText(sub, "x"));
        Assert.Equal($"{sub} is a folder; give a file path to write.", e.Message);
        Assert.True(Directory.Exists(sub));
    }

    [Fact]
    public void Refuses_a_read_only_file_byte_identical_unless_forced_and_keeps_its_mode()
    {
        var path = _dir.File("locked.csv", "precious");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var e = Assert.Throws<UnsafeOutputException>(() => AtomicFile.WriteText(path, "x"));
        Assert.Equal($"{path} is read-only; pass --force to replace it, or choose another path.", e.Message);
        Assert.Equal("precious", File.ReadAllText(path));

        AtomicFile.WriteText(path, "replaced", force: true);
        Assert.Equal("replaced", File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Keeps_the_permission_bits_of_the_file_it_replaces()
    {
        var path = _dir.File("private.csv", "a");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        AtomicFile.WriteText(path, "b");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Removes_temps_left_by_killed_runs_but_not_a_live_process_temp_or_other_files()
    {
        var path = _dir.File("model.zip");
        var dead = TempFolder.DeadProcessId();
        var stale = _dir.File($".model.zip.{dead}{AtomicFile.TempSuffix}", "half");
        var legacy = _dir.File($"model.zip.tmp-{dead}", "half");
        var legacyDot = _dir.File($".model.zip.{dead}.tmp", "half");
        var live = _dir.File($".model.zip.1{AtomicFile.TempSuffix}", "init's");
        var unrelated = _dir.File("model.zip.tmp-notes", "keep");
        AtomicFile.WriteText(path, "zip");
        Assert.False(File.Exists(stale));
        Assert.False(File.Exists(legacy));
        Assert.False(File.Exists(legacyDot));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(unrelated));
    }

    [Fact]
    public void A_failing_writer_leaves_the_old_file_byte_identical_and_no_temp()
    {
        var path = _dir.File("data.csv", "original");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
        {
            s.WriteByte(1);
            throw new InvalidOperationException("boom");
        }));
        Assert.Equal("original", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void The_temp_file_sits_in_the_target_folder_under_a_recognisable_name()
    {
        var path = _dir.File("report.html");
        string? seen = null;
        AtomicFile.Write(path, s =>
        {
            seen = Directory.GetFiles(_dir.Path).Single();
            s.WriteByte(65);
        });
        Assert.Equal(AtomicFile.TempPath(path, Environment.ProcessId), seen);
        Assert.Equal($".report.html.{Environment.ProcessId}.smartpulse.tmp", Path.GetFileName(seen));
    }
}
