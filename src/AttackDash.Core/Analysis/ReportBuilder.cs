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
        var ranked = attackers.OrderByDescending(a => a.Value.Events).ThenBy(a => a.Key).ToList();
        var totals = EventKinds.All.ToDictionary(k => k.Name(), k => analyzer.Totals[(int)k]);
        totals["unattributed"] = analyzer.Unattributed;
        return new AnalysisReport
        {
            Input = new InputSummary(files, stats.Lines, stats.SendmailLines, stats.OtherLines, stats.MalformedLines),
            Period = new Period(Clamp(stats.First, options), Clamp(stats.Last, options)),
            Totals = totals,
            AttackEvents = analyzer.AttackEvents,
            UniqueAttackerIps = attackers.Count,
            Distribution = Buckets.Select(b => new DistributionBucket(b.Min, b.Max,
                attackers.Values.LongCount(t => t.Events >= b.Min && (b.Max is null || t.Events <= b.Max)))).ToList(),
            HeavyHitters = new HeavyHitters(options.MinEvents,
                attackers.Values.LongCount(t => t.Events >= options.MinEvents),
                attackers.Values.Where(t => t.Events >= options.MinEvents).Sum(t => t.Events)),
            Offenders = ranked.Take(top ?? int.MaxValue)
                .Select(a => a.Value.ToOffender(a.Key))
                .ToList(),
            Subnets = Subnets(attackers, options),
            Injections = analyzer.Injections.OrderBy(i => i.Time).ToList(),
            PossibleCompromises = analyzer.Compromises().ToList(),
            Campaigns = analyzer.CompleteCampaigns(),
            Local = analyzer.Local.OrderByDescending(a => a.Value.Events).ThenBy(a => a.Key)
                .Select(a => a.Value.ToOffender(a.Key)).ToList(),
        };
    }

    /// <summary>Subnets that hold a heavy hitter, with every attacking IP inside them: what blocking the subnet would stop.</summary>
    private static List<SubnetSummary> Subnets(IReadOnlyDictionary<IpAddress128, IpTally> attackers, AnalysisOptions options)
    {
        Cidr Net(IpAddress128 ip) => Cidr.Of(ip, ip.IsV4 ? options.Prefix : options.Prefix6);
        var heavyNets = attackers.Where(a => a.Value.Events >= options.MinEvents).Select(a => Net(a.Key)).ToHashSet();
        return attackers
            .GroupBy(a => Net(a.Key))
            .Where(g => heavyNets.Contains(g.Key))
            .Select(g => (Net: g.Key, Ips: g.LongCount(), Events: g.Sum(a => a.Value.Events)))
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
