using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SmartPulse.Files;

/// <summary>
/// The type and identity (device, inode) of a file. .NET exposes neither device/FIFO detection nor
/// inode numbers, so on Linux this calls <c>statx(2)</c>, whose result layout is fixed by the kernel
/// ABI on every architecture (unlike <c>struct stat</c>). Elsewhere it falls back to what
/// <see cref="File"/>/<see cref="Directory"/> can tell (regular vs directory, no identity).
/// </summary>
internal static partial class FileStat
{
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxSize = 256;
    private const int ModeOffset = 28;
    private const int InodeOffset = 32;
    private const int DevMajorOffset = 136;
    private const int DevMinorOffset = 140;
    private static bool _statxMissing = !OperatingSystem.IsLinux();

    /// <summary>The kind of file at <paramref name="path"/>, following symbolic links.</summary>
    public static FileKind Kind(string path)
    {
        if (Statx(path) is { } buffer)
        {
            return (BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(ModeOffset)) & 0xF000) switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0x2000 or 0x6000 => FileKind.Device,
                0x1000 => FileKind.Fifo,
                _ => FileKind.Other,
            };
        }

        return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    /// <summary>(device, inode) of the file at <paramref name="path"/>, or null when it does not exist or the platform cannot tell.</summary>
    public static (ulong Device, ulong Inode)? Identity(string path)
    {
        if (Statx(path) is not { } buffer)
        {
            return null;
        }

        var device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(DevMajorOffset)) << 32)
            | BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(DevMinorOffset));
        return (device, BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(InodeOffset)));
    }

    private static byte[]? Statx(string path)
    {
        if (_statxMissing || !BitConverter.IsLittleEndian)
        {
            return null;
        }

        var buffer = new byte[StatxSize];
        try
        {
            return NativeStatx(AtFdCwd, path, 0, StatxBasicStats, buffer) == 0 ? buffer : null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _statxMissing = true;
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
#pragma warning disable SYSLIB1054 // a pinned byte[] out-buffer needs no source-generated marshalling
    private static extern int NativeStatx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
#pragma warning restore SYSLIB1054
}
