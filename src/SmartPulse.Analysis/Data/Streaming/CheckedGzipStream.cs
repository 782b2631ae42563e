using System.Buffers.Binary;
using System.IO.Compression;

namespace SmartPulse.Analysis.Data;

/// <summary>
/// Decompresses gzip and, at the end, compares the bytes produced with the size in the gzip trailer
/// (ISIZE). .NET's <see cref="GZipStream"/> ends silently on a truncated file; this turns that into
/// an <see cref="InvalidDataException"/> naming the file.
/// </summary>
internal sealed class CheckedGzipStream : Stream
{
    private readonly FileStream _file;
    private readonly GZipStream _gzip;
    private readonly string _path;
    private long _produced;
    private bool _checked;

    public CheckedGzipStream(FileStream file, string path)
    {
        _file = file;
        _path = path;
        _gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: false);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = _gzip.Read(buffer);
        _produced += n;
        if (n == 0 && buffer.Length > 0 && !_checked)
        {
            _checked = true;
            Check();
        }

        return n;
    }

    private void Check()
    {
        var length = new FileInfo(_path).Length;
        if (length < 18)
        {
            throw new InvalidDataException($"the gzip file is truncated ({length} bytes is shorter than a gzip header and trailer)");
        }

        using var tail = File.OpenRead(_path);
        tail.Seek(-4, SeekOrigin.End);
        Span<byte> size = stackalloc byte[4];
        tail.ReadExactly(size);
        var expected = BinaryPrimitives.ReadUInt32LittleEndian(size);
        if (expected != (uint)_produced)
        {
            throw new InvalidDataException(
                $"the gzip file is truncated or corrupt: it decompressed to {_produced} bytes but its trailer records {expected} (mod 2^32). " +
                "Download or copy it again ('gzip -t FILE' checks it); a file of several concatenated gzip members must be decompressed first");
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
