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
/// <param name="start">A time in the first week, when the counts may come in any order (the store's rollup
/// read without sorting it); otherwise the first count added sets the first week.</param>
public sealed class Backtester(DateTimeOffset? start = null) : IEventSink
{
    private readonly Dictionary<int, Dictionary<IpAddress128, WeekTally>> _weeks = [];
    private readonly Dictionary<IpAddress128, int> _attackers = [];   // IP -> the first week it attacked
    private DateTimeOffset? _origin = start is { } t ? StartOfWeek(t) : null;
    private Dictionary<int, WeekRow[]>? _rows;

    public void Add(MailEvent mailEvent)
    {
        if (mailEvent.ClientIp is { } ip)
            Add(mailEvent.Time, mailEvent.Kind, ip, 1);
    }

    /// <summary>
    /// Adds <paramref name="count"/> events of one kind from one IP at <paramref name="time"/>, in time order
    /// unless the first week was given.
    /// Weeks are whole UTC days, so per-day counts (the store's daily rollup) replay exactly like the events.
    /// </summary>
    public void Add(DateTimeOffset time, EventKind kind, IpAddress128 ip, long count)
    {
        _origin ??= StartOfWeek(time);
        _rows = null;
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
        var replay = new BacktestReplay(policy);
        var rows = _rows ??= Rows();
        for (var w = first; w <= last; w++)
        {
            long attacks = 0, stopped = 0, messages = 0, logins = 0, fromNew = 0;
            foreach (var t in rows.GetValueOrDefault(w) ?? [])
            {
                attacks += t.Attacks;
                fromNew += t.FirstAttack ? t.Attacks : 0;
                if (!replay.IsBlocked(policy.NetworkOf(t.Ip), w))
                    continue;
                stopped += t.Attacks;
                if (!t.Attacker)
                {
                    messages += t.Messages;
                    logins += t.Logins;
                }
            }
            weeks.Add(new BacktestWeek(origin.AddDays(7 * w), attacks, stopped, replay.Entries(w), messages, logins, fromNew));
            replay.Decide(w, rows.GetValueOrDefault);
        }
        return new BacktestResult(policy.Name, weeks);
    }

    // Each week's tallies as an array, with what every policy asks of an IP's history looked up once: a
    // policy's pass then reads memory in order instead of probing a dictionary of 600,000 IPs per row.
    private Dictionary<int, WeekRow[]> Rows() => _weeks.ToDictionary(w => w.Key, w => w.Value.Select(e =>
    {
        var firstWeek = _attackers.TryGetValue(e.Key, out var f) ? f : (int?)null;
        return new WeekRow(e.Key, e.Value.Attacks, e.Value.Messages, e.Value.Logins, e.Value.Attacks > 0 && firstWeek == w.Key, firstWeek is not null);
    }).ToArray());

    private static DateTimeOffset StartOfWeek(DateTimeOffset t)
    {
        var day = t.UtcDateTime.Date;
        return new DateTimeOffset(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), TimeSpan.Zero);
    }
}
