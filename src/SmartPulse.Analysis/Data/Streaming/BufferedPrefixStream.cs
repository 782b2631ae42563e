namespace SmartPulse.Analysis.Data;

/// <summary>A read-only stream that can look at its first bytes (to sniff encodings and delimiters) before they are read.</summary>
internal sealed class BufferedPrefixStream : Stream
{
    private readonly Stream _inner;
    private byte[] _prefix = [];
    private int _prefixPos;

    public BufferedPrefixStream(Stream inner) => _inner = inner;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Copies up to <c>buffer.Length</c> upcoming bytes into <paramref name="buffer"/> without consuming them.</summary>
    public int Peek(byte[] buffer)
    {
        if (_prefix.Length - _prefixPos < buffer.Length)
        {
            var more = new byte[buffer.Length];
            var have = _prefix.Length - _prefixPos;
            _prefix.AsSpan(_prefixPos).CopyTo(more);
            var read = _inner.ReadAtLeast(more.AsSpan(have), buffer.Length - have, throwOnEndOfStream: false);
            _prefix = more.AsSpan(0, have + read).ToArray();
            _prefixPos = 0;
        }

        var n = Math.Min(buffer.Length, _prefix.Length - _prefixPos);
        _prefix.AsSpan(_prefixPos, n).CopyTo(buffer);
        return n;
    }

    /// <summary>Consumes <paramref name="count"/> peeked bytes.</summary>
    public void Skip(int count) => _prefixPos = Math.Min(_prefix.Length, _prefixPos + count);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_prefixPos < _prefix.Length)
        {
            var n = Math.Min(buffer.Length, _prefix.Length - _prefixPos);
            _prefix.AsSpan(_prefixPos, n).CopyTo(buffer);
            _prefixPos += n;
            return n;
        }

        return _inner.Read(buffer);
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
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
