using AttackDash.Core.Net;

namespace AttackDash.Core.Analysis;

/// <summary>One IP's attacks, accepted messages and logins in one week of a replay, as they are added up.</summary>
internal sealed class WeekTally
{
    public long Attacks;
    public long Messages;
    public long Logins;
}

/// <summary>
/// One IP's week as a replay reads it: <see cref="FirstAttack"/> when the IP attacked for the first time
/// that week, <see cref="Attacker"/> when it attacked in any week.
/// </summary>
internal readonly record struct WeekRow(IpAddress128 Ip, long Attacks, long Messages, long Logins, bool FirstAttack, bool Attacker);

/// <summary>
/// One policy's blocks during a replay. The window's per-IP attack counts slide a week at a time (the
/// week that enters is added, the week that leaves subtracted) instead of being summed again at every
/// week's end: a policy that looks at all history ("every IP ever seen") summed the whole past 52 times
/// in a year, 600,000 IPs each time at a provider's scale.
/// </summary>
internal sealed class BacktestReplay(BlockPolicy policy)
{
    private readonly int _windowWeeks = Math.Max(1, (int)Math.Ceiling(policy.WindowDays / 7.0));
    private readonly int? _banWeeks = policy.BanTime == TimeSpan.MaxValue ? null : Math.Max(1, (int)Math.Ceiling(policy.BanTime.TotalDays / 7));
    private readonly Dictionary<IpAddress128, long> _window = [];
    private readonly HashSet<IpAddress128> _over = [];
    private readonly List<IpAddress128> _touched = [];
    private readonly Dictionary<Cidr, int> _until = [];   // network -> last week (inclusive) it stays blocked
    private readonly HashSet<Cidr> _forever = [];

    public bool IsBlocked(Cidr network, int week) =>
        _forever.Contains(network) || (_until.TryGetValue(network, out var until) && until >= week);

    public int Entries(int week) => _forever.Count + _until.Count(b => b.Value >= week);

    /// <summary>At the end of week <paramref name="w"/>: the IPs over the bar in the window get (or extend) a block.</summary>
    public void Decide(int w, Func<int, WeekRow[]?> week)
    {
        Slide(week(w - _windowWeeks), -1);
        Slide(week(w), +1);
        foreach (var ip in _touched)
        {
            if (_window.GetValueOrDefault(ip) >= policy.MinEvents)
                _over.Add(ip);
            else
                _over.Remove(ip);
        }
        if (_banWeeks is not { } ban)
        {
            // A ban for ever is set once: only an IP whose count changed can have crossed the bar.
            foreach (var ip in _touched.Where(_over.Contains))
                _forever.Add(policy.NetworkOf(ip));
        }
        else
        {
            foreach (var ip in _over)
            {
                var net = policy.NetworkOf(ip);
                _until[net] = Math.Max(_until.GetValueOrDefault(net, int.MinValue), w + ban);
            }
        }
        _touched.Clear();
    }

    private void Slide(WeekRow[]? rows, int sign)
    {
        foreach (var t in rows ?? [])
        {
            var ip = t.Ip;
            if (t.Attacks == 0)
                continue;
            var n = _window.GetValueOrDefault(ip) + sign * t.Attacks;
            if (n == 0)
                _window.Remove(ip);
            else
                _window[ip] = n;
            _touched.Add(ip);
        }
    }
}
