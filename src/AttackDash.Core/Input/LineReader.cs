using System.Runtime.CompilerServices;
using System.Buffers;

namespace AttackDash.Core.Input;

/// <summary>
/// Splits a byte stream into lines without decoding it, through one reused buffer, so memory does not
/// grow with the input. A line longer than <see cref="MaxLineLength"/> is cut and flagged; a stream that
/// fails part-way (a truncated .gz) ends there with <see cref="Error"/> set rather than throwing.
/// </summary>
public sealed class LineReader : IDisposable
{
    private readonly Stream _stream;
    private readonly int _maxLineLength;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private bool _skippingOverlong;

    public LineReader(Stream stream, int maxLineLength = 64 * 1024, int bufferSize = 128 * 1024)
    {
        _stream = stream;
        _maxLineLength = maxLineLength;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(bufferSize, maxLineLength * 2));
    }

    public long LineNumber { get; private set; }

    /// <summary>How much of a file input has been read, 0 to 1; null for a stream of unknown length.</summary>
    public double? Fraction => _stream switch
    {
        FileStream { CanSeek: true } f => f.Length == 0 ? 1 : (double)f.Position / f.Length,
        CheckedGZipStream g => g.Fraction,
        _ => null,
    };

    /// <summary>
    /// Tail mode: at the end of the data, return false without taking an unterminated last line, and
    /// read on from there on the next call (the file may have grown).
    /// </summary>
    public bool Follow { get; set; }

    /// <summary>Bytes consumed up to the end of the last line returned, for a plain file.</summary>
    public long Position => _stream is FileStream f ? f.Position - (_end - _start) : 0;

    /// <summary>The open file, for a follower that must notice rotation.</summary>
    public FileStream? File => _stream as FileStream;

    /// <summary>Why the stream ended early, or null.</summary>
    public string? Error { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool overlong)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start += newline + 1;
                if (_skippingOverlong)
                {
                    _skippingOverlong = false;
                    continue;
                }
                line = TrimCarriageReturn(pending[..newline]);
                overlong = false;
                LineNumber++;
                return true;
            }
            if (!_skippingOverlong && pending.Length >= _maxLineLength)
            {
                line = pending[.._maxLineLength];
                overlong = true;
                _skippingOverlong = true;
                _start = _end;
                LineNumber++;
                return true;
            }
            if (_skippingOverlong)
                _start = _end;
            if (_eof)
            {
                if (!Follow)
                    return TakeLastLine(out line, out overlong);
                // A live file: the unterminated tail is a line still being written. Keep it and try again later.
                _eof = false;
                line = default;
                overlong = false;
                return false;
            }
            Fill();
        }
    }

    private bool TakeLastLine(out ReadOnlySpan<byte> line, out bool overlong)
    {
        overlong = false;
        line = default;
        if (_start >= _end || _skippingOverlong)
            return false;
        line = TrimCarriageReturn(_buffer.AsSpan(_start, _end - _start));
        _start = _end;
        LineNumber++;
        return true;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        try
        {
            var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n == 0)
                _eof = true;
            _end += n;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            Error = e.Message;
            _eof = true;
        }
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> s) =>
        s.Length > 0 && s[^1] == '\r' ? s[..^1] : s;

    public void Dispose()
    {
        if (_buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _stream.Dispose();
    }
}
