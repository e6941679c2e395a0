using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AttackDash.Core.Events;
using AttackDash.Core.Net;

namespace AttackDash.Core.Analysis;

/// <summary>
/// Event counts of many IPs, kept compact because a provider's year has 600,000 of them: one slot per
/// IP in fixed pages of plain arrays (counts by kind as ints, first and last as ticks), so that there
/// is no object per IP and a growing table never copies what it holds. About 130 bytes an IP.
/// </summary>
internal sealed class IpTallies
{
    private const int PageBits = 14;
    private const int PageSize = 1 << PageBits;
    private const int Kinds = EventKinds.Count;

    private readonly Dictionary<IpAddress128, int> _slots = [];
    private readonly List<int[]> _counts = [];
    private readonly List<Summary[]> _summaries = [];

    public int Count => _slots.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(IpAddress128 ip, MailEvent e)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, ip, out var exists);
        if (!exists)
            slot = NewSlot();
        _counts[slot >> PageBits][((slot & (PageSize - 1)) * Kinds) + (int)e.Kind]++;
        _summaries[slot >> PageBits][slot & (PageSize - 1)].Add(e);
    }

    public bool Contains(IpAddress128 ip) => _slots.ContainsKey(ip);

    /// <summary>Every IP with its number of events, in no particular order.</summary>
    public IEnumerable<(IpAddress128 Ip, long Events)> All()
    {
        foreach (var (ip, slot) in _slots)
            yield return (ip, SummaryOf(slot).Events);
    }

    /// <summary>The report's row of one IP; its strings are made only here.</summary>
    public Offender ToOffender(IpAddress128 ip)
    {
        var slot = _slots[ip];
        var s = SummaryOf(slot);
        var counts = _counts[slot >> PageBits].AsSpan((slot & (PageSize - 1)) * Kinds, Kinds);
        var byKind = new Dictionary<string, long>();
        for (var k = 0; k < Kinds; k++)
        {
            if (counts[k] > 0)
                byKind[((EventKind)k).Name()] = counts[k];
        }
        return new Offender(ip.ToString(), s.Events, byKind, s.FirstTime, s.LastTime, s.Forged);
    }

    private ref Summary SummaryOf(int slot) => ref _summaries[slot >> PageBits][slot & (PageSize - 1)];

    private int NewSlot()
    {
        var slot = _slots.Count - 1;
        if ((slot & (PageSize - 1)) == 0)
        {
            _counts.Add(new int[PageSize * Kinds]);
            _summaries.Add(new Summary[PageSize]);
        }
        return slot;
    }

    /// <summary>One IP's totals; times as UTC ticks with their offset, so the report prints them as read.</summary>
    private struct Summary
    {
        private long _first;
        private long _last;
        private short _firstOffset;
        private short _lastOffset;

        public int Events { get; private set; }
        public int Forged { get; private set; }

        public readonly DateTimeOffset FirstTime => At(_first, _firstOffset);
        public readonly DateTimeOffset LastTime => At(_last, _lastOffset);

        public void Add(MailEvent e)
        {
            var ticks = e.Time.UtcTicks;
            var offset = (short)e.Time.TotalOffsetMinutes;
            if (Events == 0 || ticks < _first)
                (_first, _firstOffset) = (ticks, offset);
            if (Events == 0 || ticks > _last)
                (_last, _lastOffset) = (ticks, offset);
            Events++;
            if (e.MayBeForged)
                Forged++;
        }

        private static DateTimeOffset At(long utcTicks, short offsetMinutes)
        {
            var offset = TimeSpan.FromMinutes(offsetMinutes);
            return new DateTimeOffset(utcTicks + offset.Ticks, offset);
        }
    }
}
