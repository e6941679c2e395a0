using System.Runtime.CompilerServices;
using AttackDash.Core.Events;

namespace AttackDash.Core.Analysis;

/// <summary>Attack counts of one IP.</summary>
internal sealed class IpTally
{
    public long[] ByKind { get; } = new long[EventKinds.Count];
    public long Events { get; private set; }
    public long MayBeForged { get; private set; }
    public DateTimeOffset First { get; private set; } = DateTimeOffset.MaxValue;
    public DateTimeOffset Last { get; private set; } = DateTimeOffset.MinValue;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(MailEvent e)
    {
        ByKind[(int)e.Kind]++;
        Events++;
        if (e.MayBeForged)
            MayBeForged++;
        if (e.Time < First)
            First = e.Time;
        if (e.Time > Last)
            Last = e.Time;
    }

    public Offender ToOffender(Net.IpAddress128 ip) => new(ip.ToString(), Events, KindCounts(), First, Last, MayBeForged);

    public Dictionary<string, long> KindCounts()
    {
        var d = new Dictionary<string, long>();
        for (var k = 0; k < ByKind.Length; k++)
        {
            if (ByKind[k] > 0)
                d[((EventKind)k).Name()] = ByKind[k];
        }
        return d;
    }
}
