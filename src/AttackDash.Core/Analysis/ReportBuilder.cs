using AttackDash.Core.Events;
using AttackDash.Core.Input;
using AttackDash.Core.Net;

namespace AttackDash.Core.Analysis;

public static class ReportBuilder
{
    private static readonly (long Min, long? Max)[] Buckets = [(1, 1), (2, 2), (3, 9), (10, 99), (100, 999), (1000, null)];

    /// <param name="top">Offenders to list; null lists every one.</param>
    public static AnalysisReport Build(
        Analyzer analyzer, InputStats stats, IReadOnlyList<string> files, AnalysisOptions options, int? top)
    {
        var attackers = analyzer.Attackers;
        var (distribution, heavy) = Distribution(attackers, options.MinEvents);
        var totals = EventKinds.All.ToDictionary(k => k.Name(), k => analyzer.Totals[(int)k]);
        totals["unattributed"] = analyzer.Unattributed;
        return new AnalysisReport
        {
            Input = new InputSummary(files, stats.Lines, stats.SendmailLines, stats.OtherLines, stats.MalformedLines),
            Period = new Period(Clamp(stats.First, options), Clamp(stats.Last, options)),
            Totals = totals,
            AttackEvents = analyzer.AttackEvents,
            UniqueAttackerIps = attackers.Count,
            Distribution = distribution,
            HeavyHitters = heavy,
            Offenders = new RankedOffenders(Ranked(attackers, top), attackers),
            Subnets = Subnets(attackers, options),
            Injections = analyzer.Injections.OrderBy(i => i.Time).ToList(),
            PossibleCompromises = analyzer.Compromises().ToList(),
            Campaigns = analyzer.CompleteCampaigns(),
            Local = Ranked(analyzer.Local, null).Select(analyzer.Local.ToOffender).ToList(),
        };
    }

    /// <summary>The IPs per bucket of event counts, and the heavy hitters, in one pass over the tallies.</summary>
    private static (List<DistributionBucket>, HeavyHitters) Distribution(IpTallies attackers, long minEvents)
    {
        var ips = new long[Buckets.Length];
        var (heavyIps, heavyEvents) = (0L, 0L);
        foreach (var (_, events) in attackers.All())
        {
            for (var b = 0; b < Buckets.Length; b++)
            {
                if (events >= Buckets[b].Min && (Buckets[b].Max is not { } max || events <= max))
                    ips[b]++;
            }
            if (events >= minEvents)
                (heavyIps, heavyEvents) = (heavyIps + 1, heavyEvents + events);
        }
        var distribution = Buckets.Select((b, i) => new DistributionBucket(b.Min, b.Max, ips[i])).ToList();
        return (distribution, new HeavyHitters(minEvents, heavyIps, heavyEvents));
    }

    /// <summary>
    /// The IPs with the most events, ties by address. With a limit, a bounded heap keeps only that many,
    /// so ranking 600,000 IPs for a top 20 sorts 20, not 600,000.
    /// </summary>
    private static List<IpAddress128> Ranked(IpTallies tallies, int? top)
    {
        var order = Comparer<(IpAddress128 Ip, long Events)>.Create(static (a, b) =>
            a.Events != b.Events ? b.Events.CompareTo(a.Events) : a.Ip.CompareTo(b.Ip));
        if (top is not { } n || n >= tallies.Count)
            return [.. tallies.All().Order(order).Select(t => t.Ip)];
        if (n == 0)
            return [];
        // The heap's root is the worst of the best n so far.
        var heap = new PriorityQueue<(IpAddress128 Ip, long Events), (IpAddress128 Ip, long Events)>(n + 1, Comparer<(IpAddress128, long)>.Create((a, b) => order.Compare(b, a)));
        foreach (var t in tallies.All())
        {
            if (heap.Count < n)
                heap.Enqueue(t, t);
            else if (order.Compare(t, heap.Peek()) < 0)
                heap.EnqueueDequeue(t, t);
        }
        return [.. heap.UnorderedItems.Select(x => x.Element).Order(order).Select(t => t.Ip)];
    }

    /// <summary>Subnets that hold a heavy hitter, with every attacking IP inside them: what blocking the subnet would stop.</summary>
    private static List<SubnetSummary> Subnets(IpTallies attackers, AnalysisOptions options)
    {
        Cidr Net(IpAddress128 ip) => Cidr.Of(ip, ip.IsV4 ? options.Prefix : options.Prefix6);
        var heavyNets = attackers.All().Where(a => a.Events >= options.MinEvents).Select(a => Net(a.Ip)).ToHashSet();
        // Only the IPs inside a heavy hitter's subnet are grouped, not every attacker.
        return attackers.All()
            .Where(a => heavyNets.Contains(Net(a.Ip)))
            .GroupBy(a => Net(a.Ip))
            .Select(g => (Net: g.Key, Ips: g.LongCount(), Events: g.Sum(a => a.Events)))
            .OrderByDescending(s => s.Events).ThenBy(s => s.Net.Network)
            .Select(s => new SubnetSummary(s.Net.ToString(), s.Ips, s.Events))
            .ToList();
    }

    private static DateTimeOffset? Clamp(DateTimeOffset? t, AnalysisOptions o)
    {
        if (t is not { } v)
            return null;
        if (o.Since is { } s && v < s)
            return s;
        return o.Until is { } u && v > u ? u : v;
    }
}
