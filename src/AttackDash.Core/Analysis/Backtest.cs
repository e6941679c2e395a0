using AttackDash.Core.Events;
using AttackDash.Core.Net;

namespace AttackDash.Core.Analysis;

/// <summary>
/// One week of a replay: what arrived, what the policy's blocks would have stopped, and the legitimate
/// traffic they would have refused. <see cref="FromNewIps"/> are the attacks from IPs that had never
/// attacked before that week: no list of IPs can stop those, whatever the policy.
/// </summary>
public sealed record BacktestWeek(DateTimeOffset Start, long AttackEvents, long Stopped, int Entries, long CollateralMessages, long CollateralLogins, long FromNewIps = 0);

public sealed record BacktestResult(string Policy, IReadOnlyList<BacktestWeek> Weeks)
{
    public long AttackEvents => Weeks.Sum(w => w.AttackEvents);
    public long Stopped => Weeks.Sum(w => w.Stopped);
    public double StoppedShare => AttackEvents == 0 ? 0 : (double)Stopped / AttackEvents;
    public int MaxEntries => Weeks.Count == 0 ? 0 : Weeks.Max(w => w.Entries);
    public long CollateralMessages => Weeks.Sum(w => w.CollateralMessages);
    public long CollateralLogins => Weeks.Sum(w => w.CollateralLogins);
    public long FromNewIps => Weeks.Sum(w => w.FromNewIps);

    /// <summary>The most any IP list could have stopped: the attacks from IPs already seen in an earlier week.</summary>
    public double BestPossibleShare => AttackEvents == 0 ? 0 : (double)(AttackEvents - FromNewIps) / AttackEvents;
}

/// <summary>
/// Replays real events week by week against blocking policies. Collects per-week, per-IP counts as the
/// events stream by (memory follows weeks × active IPs), then each policy is evaluated on them: a
/// block decided at the end of week k acts from week k+1 on, so every figure is what would really have
/// happened, not an estimate.
/// </summary>
public sealed class Backtester : IEventSink
{
    private readonly Dictionary<int, Dictionary<IpAddress128, WeekTally>> _weeks = [];
    private readonly Dictionary<IpAddress128, int> _attackers = [];   // IP -> the first week it attacked
    private DateTimeOffset? _origin;

    private sealed class WeekTally
    {
        public long Attacks;
        public long Messages;
        public long Logins;
    }

    public void Add(MailEvent mailEvent)
    {
        if (mailEvent.ClientIp is { } ip)
            Add(mailEvent.Time, mailEvent.Kind, ip, 1);
    }

    /// <summary>
    /// Adds <paramref name="count"/> events of one kind from one IP at <paramref name="time"/>, in time order.
    /// Weeks are whole UTC days, so per-day counts (the store's daily rollup) replay exactly like the events.
    /// </summary>
    public void Add(DateTimeOffset time, EventKind kind, IpAddress128 ip, long count)
    {
        _origin ??= StartOfWeek(time);
        var week = (int)Math.Floor((time - _origin.Value).TotalDays / 7);
        if (!_weeks.TryGetValue(week, out var tallies))
            _weeks[week] = tallies = [];
        if (!tallies.TryGetValue(ip, out var t))
            tallies[ip] = t = new WeekTally();
        if (kind.IsAttack())
        {
            t.Attacks += count;
            _attackers[ip] = _attackers.TryGetValue(ip, out var firstWeek) ? Math.Min(firstWeek, week) : week;
        }
        else if (kind == EventKind.MessageAccepted)
            t.Messages += count;
        else if (kind == EventKind.AuthSuccess)
            t.Logins += count;
    }

    public BacktestResult Run(BlockPolicy policy)
    {
        var weeks = new List<BacktestWeek>();
        if (_origin is not { } origin || _weeks.Count == 0)
            return new BacktestResult(policy.Name, weeks);
        var (first, last) = (_weeks.Keys.Min(), _weeks.Keys.Max());
        var blocks = new Dictionary<Cidr, int>();   // network -> last week (inclusive) it stays blocked
        for (var w = first; w <= last; w++)
        {
            var tallies = _weeks.GetValueOrDefault(w) ?? [];
            long attacks = 0, stopped = 0, messages = 0, logins = 0, fromNew = 0;
            foreach (var (ip, t) in tallies)
            {
                attacks += t.Attacks;
                if (t.Attacks > 0 && _attackers[ip] == w)
                    fromNew += t.Attacks;
                if (!IsBlocked(blocks, policy.NetworkOf(ip), w))
                    continue;
                stopped += t.Attacks;
                if (!_attackers.ContainsKey(ip))
                {
                    messages += t.Messages;
                    logins += t.Logins;
                }
            }
            weeks.Add(new BacktestWeek(origin.AddDays(7 * w), attacks, stopped, blocks.Count(b => b.Value >= w), messages, logins, fromNew));
            Decide(policy, blocks, w);
        }
        return new BacktestResult(policy.Name, weeks);
    }

    private static bool IsBlocked(Dictionary<Cidr, int> blocks, Cidr network, int week) =>
        blocks.TryGetValue(network, out var until) && until >= week;

    /// <summary>At the end of week <paramref name="w"/>: the IPs over the bar in the window get (or extend) a block.</summary>
    private void Decide(BlockPolicy policy, Dictionary<Cidr, int> blocks, int w)
    {
        var windowWeeks = Math.Max(1, (int)Math.Ceiling(policy.WindowDays / 7.0));
        var counts = new Dictionary<IpAddress128, long>();
        for (var k = Math.Max(w - windowWeeks + 1, int.MinValue + 1); k <= w; k++)
        {
            if (!_weeks.TryGetValue(k, out var tallies))
                continue;
            foreach (var (ip, t) in tallies)
            {
                if (t.Attacks > 0)
                    counts[ip] = counts.GetValueOrDefault(ip) + t.Attacks;
            }
        }
        var banWeeks = policy.BanTime == TimeSpan.MaxValue ? int.MaxValue - 1 : Math.Max(1, (int)Math.Ceiling(policy.BanTime.TotalDays / 7));
        foreach (var (ip, n) in counts)
        {
            if (n < policy.MinEvents)
                continue;
            var net = policy.NetworkOf(ip);
            var until = banWeeks == int.MaxValue - 1 ? int.MaxValue : w + banWeeks;
            blocks[net] = Math.Max(blocks.GetValueOrDefault(net, int.MinValue), until);
        }
    }

    private static DateTimeOffset StartOfWeek(DateTimeOffset t)
    {
        var day = t.UtcDateTime.Date;
        return new DateTimeOffset(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), TimeSpan.Zero);
    }
}
