using AttackDash.Core.Syslog;
using Microsoft.Win32.SafeHandles;

namespace AttackDash.Core.Input;

/// <summary>
/// Counts the New Years a file crosses before it is read, so that its first year-less line gets the
/// right year even when the file spans more than a year. Only line starts are looked at, and a plain
/// file is scanned as two halves in parallel: the rule compares consecutive stamped lines only, so
/// the halves combine exactly.
/// </summary>
public static class RolloverScan
{
    private const int ParallelFrom = 32 << 20;

    public static int Count(LogInput input, int maxLineLength) => Scan(input, maxLineLength).Rollovers;

    /// <summary>The New Years a file crosses and its first and newest year-less stamps; empty for stdin.</summary>
    public static YearScan Scan(LogInput input, int maxLineLength)
    {
        if (input.IsStdin)
            return new YearScan(0, null, null);
        using var stream = input.Open();
        if (stream is not FileStream file || file.Length < ParallelFrom)
            return Sequential(stream, maxLineLength).ToScan();
        var length = file.Length;
        var handle = file.SafeFileHandle;
        var middle = NextLineStart(handle, length / 2);
        var second = Task.Run(() => Range(handle, middle, length));
        var first = Range(handle, 0, middle);
        return Segment.Join(first, second.Result).ToScan();
    }

    /// <summary>The rollovers inside a run of lines, and the stamps at its two ends to join it to its neighbours.</summary>
    internal readonly record struct Segment(int Rollovers, LogTimestamp? First, LogTimestamp? Last, bool IsoFirst)
    {
        public static Segment Join(Segment a, Segment b)
        {
            if (a.IsoFirst)
                return a;
            if (a.First is null)
                return b;
            if (b.First is null)
                return a;
            var across = YearInference.IsRollover(a.Last!.Value.Month, b.First.Value.Month) ? 1 : 0;
            return new Segment(a.Rollovers + across + b.Rollovers, a.First, b.Last, false);
        }

        public YearScan ToScan() => IsoFirst ? new YearScan(0, null, null) : new YearScan(Rollovers, First, Last);
    }

    private static Segment Sequential(Stream stream, int maxLineLength)
    {
        using var reader = new LineReader(stream, maxLineLength);
        var scan = new SegmentBuilder();
        while (reader.TryReadLine(out var line, out _) && !scan.IsoFirst)
            scan.Add(line);
        return scan.Result;
    }

    private static Segment Range(SafeFileHandle handle, long start, long end)
    {
        // The newest stamp is read from the range's tail afterwards, so the scan copies nothing per line.
        var scan = new SegmentBuilder { KeepLastStart = false };
        var buffer = new byte[128 * 1024];
        var pos = start;
        var skipping = false;
        while (pos < end && !scan.IsoFirst)
        {
            var n = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, end - pos)), pos);
            if (n <= 0)
                break;
            var chunk = buffer.AsSpan(0, n);
            var i = 0;
            while (i < n)
            {
                var rest = chunk[i..];
                var newline = rest.IndexOf((byte)'\n');
                if (!skipping)
                {
                    if (newline < 0 && rest.Length < 32 && pos + n < end)
                        break;
                    scan.Add(rest[..Math.Min(rest.Length, 32)]);
                }
                if (newline < 0)
                {
                    skipping = true;
                    i = n;
                    break;
                }
                skipping = false;
                i += newline + 1;
            }
            pos += i;
        }
        scan.Newest(TailStamp(handle, start, end));
        return scan.Result;
    }

    /// <summary>The stamp of the last line in [start, end) that has one, looking back at most 64 KiB.</summary>
    private static LogTimestamp? TailStamp(SafeFileHandle handle, long start, long end)
    {
        var from = Math.Max(start, end - (64 * 1024));
        var buffer = new byte[(int)(end - from)];
        var n = RandomAccess.Read(handle, buffer, from);
        var tail = buffer.AsSpan(0, n);
        while (!tail.IsEmpty)
        {
            var lineEnd = tail[^1] == '\n' ? tail.Length - 1 : tail.Length;
            var lineStart = tail[..lineEnd].LastIndexOf((byte)'\n') + 1;
            if (lineStart == 0 && from > start)
                return null;
            if (TimestampParser.TryParseBsd(tail[lineStart..lineEnd], out var stamp))
                return stamp;
            tail = tail[..lineStart];
        }
        return null;
    }

    private static long NextLineStart(SafeFileHandle handle, long from)
    {
        var buffer = new byte[64 * 1024];
        for (var pos = from; ; pos += buffer.Length)
        {
            var n = RandomAccess.Read(handle, buffer, pos);
            if (n <= 0)
                return pos;
            var newline = buffer.AsSpan(0, n).IndexOf((byte)'\n');
            if (newline >= 0)
                return pos + newline + 1;
        }
    }

    private sealed class SegmentBuilder
    {
        private readonly byte[] _lastStart = new byte[15];
        private int _rollovers;
        private LogTimestamp? _first;
        private LogTimestamp _last;
        private bool _lastStartPending;
        private bool _seenAny;

        public bool IsoFirst { get; private set; }

        /// <summary>Copy each line start that may be the newest (a stream); a file range reads its tail instead.</summary>
        public bool KeepLastStart { get; init; } = true;

        /// <summary>Sets the newest stamp found by reading the range's tail.</summary>
        public void Newest(LogTimestamp? stamp)
        {
            if (stamp is { } s && _first is not null)
                _last = s;
            _lastStartPending = false;
        }

        public Segment Result
        {
            get
            {
                // The newest stamp is parsed once, at the end, from the last line start kept.
                if (_lastStartPending && TimestampParser.TryParseBsd(_lastStart, out var newest))
                    _last = newest;
                return new Segment(_rollovers, _first, _first is null ? null : _last, IsoFirst);
            }
        }

        public void Add(ReadOnlySpan<byte> lineStart)
        {
            // Only a change of month can be a New Year: skip the parse while the month name repeats.
            if (_first is not null && lineStart.Length >= 15 && TimestampParser.SameMonthName(lineStart, _last.Month))
            {
                if (KeepLastStart)
                {
                    lineStart[..15].CopyTo(_lastStart);
                    _lastStartPending = true;
                }
                return;
            }
            if (TimestampParser.TryParseBsd(lineStart, out var stamp))
            {
                if (_first is null)
                    _first = stamp;
                else if (YearInference.IsRollover(_last.Month, stamp.Month))
                    _rollovers++;
                _last = stamp;
                _lastStartPending = false;
            }
            else if (!_seenAny && TimestampParser.TryParseIso(lineStart, out _, out _))
            {
                IsoFirst = true;
            }
            _seenAny = true;
        }
    }
}
