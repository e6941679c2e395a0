using System.Buffers.Binary;
using System.IO.Compression;

namespace AttackDash.Core.Input;

/// <summary>
/// A gzip reader that notices a cut file. .NET's GZipStream returns a silent end of stream when the
/// compressed data stops short, so the decompressed size is checked against the gzip trailer (ISIZE,
/// the size modulo 2^32), or for a multi-member file against all its members' trailers
/// (<see cref="GzipMembers"/>), and a mismatch is raised as <see cref="InvalidDataException"/>.
/// </summary>
internal sealed class CheckedGZipStream : Stream
{
    private readonly GZipStream _inner;
    private readonly FileStream _file;
    private readonly uint _expectedSize;
    private long _read;
    private bool _verified;

    public CheckedGZipStream(FileStream file)
    {
        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        file.Position = 0;
        _expectedSize = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        _inner = new GZipStream(file, CompressionMode.Decompress);
        _file = file;
    }

    /// <summary>How far into the compressed file the reader is, 0 to 1.</summary>
    public double Fraction => _file.Length == 0 ? 1 : (double)_file.Position / _file.Length;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = _inner.Read(buffer);
        _read += n;
        if (n == 0 && buffer.Length > 0 && !_verified)
        {
            if ((uint)_read != _expectedSize && !GzipMembers.SizesAgree(_file.SafeFileHandle, _file.Length, _read))
                throw new InvalidDataException($"gzip data is cut short or corrupt: {_read:#,0} bytes decompressed, the trailer says {_expectedSize:#,0} (mod 4 GiB)");
            _verified = true;
        }
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inner.Dispose();
        base.Dispose(disposing);
    }
}
