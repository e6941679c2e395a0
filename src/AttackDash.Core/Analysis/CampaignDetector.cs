using System.Runtime.CompilerServices;
using AttackDash.Core.Net;

namespace AttackDash.Core.Analysis;

/// <summary>
/// Finds campaigns: one username tried from at least <c>minIps</c> distinct IPs within <c>window</c>.
/// A campaign is the union of all such qualifying windows that touch each other; its attempts are the
/// attempts inside that union. Streams: it keeps only the last <c>window</c> of attempts per username.
/// </summary>
internal sealed class CampaignDetector(TimeSpan window, int minIps)
{
    private readonly Dictionary<string, UserWindow> _users = new(StringComparer.Ordinal);
    private readonly List<(Campaign Campaign, IpAddress128[] Ips)> _found = [];
    private DateTimeOffset _now = DateTimeOffset.MinValue;
    private long _adds;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(string user, IpAddress128 ip, DateTimeOffset time)
    {
        if (!_users.TryGetValue(user, out var w))
        {
            w = new UserWindow();
            _users[user] = w;
        }
        if (w.Add(ip, time, window, minIps) is { } closed)
            _found.Add(closed.ToDetail(user));
        if (time > _now)
            _now = time;
        if (++_adds % 65_536 == 0)
            DropIdle(_now - window);
    }

    public List<Campaign> Complete() => [.. CompleteWithIps().Select(c => c.Campaign)];

    /// <summary>The campaigns found, oldest first, each with the distinct IPs it came from.</summary>
    public List<(Campaign Campaign, IpAddress128[] Ips)> CompleteWithIps()
    {
        DropIdle(DateTimeOffset.MaxValue);
        return [.. _found.OrderBy(c => c.Campaign.First).ThenBy(c => c.Campaign.Username, StringComparer.Ordinal)];
    }

    private void DropIdle(DateTimeOffset idleBefore)
    {
        foreach (var (user, w) in _users)
        {
            if (w.LastTime >= idleBefore)
                continue;
            if (w.Open is { } open)
                _found.Add(open.ToDetail(user));
            _users.Remove(user);
        }
    }

    private sealed class UserWindow
    {
        private readonly Queue<(DateTimeOffset Time, IpAddress128 Ip, long Seq)> _recent = new();
        private readonly Dictionary<IpAddress128, int> _ipCounts = [];
        private long _seq;

        public OpenCampaign? Open { get; private set; }
        public DateTimeOffset LastTime { get; private set; } = DateTimeOffset.MinValue;

        /// <summary>Adds one attempt; returns a campaign that this attempt proved finished, if any.</summary>
        public OpenCampaign? Add(IpAddress128 ip, DateTimeOffset time, TimeSpan window, int minIps)
        {
            if (time > LastTime)
                LastTime = time;
            while (_recent.TryPeek(out var oldest) && time - oldest.Time > window)
            {
                _recent.Dequeue();
                if (--_ipCounts[oldest.Ip] == 0)
                    _ipCounts.Remove(oldest.Ip);
            }
            _recent.Enqueue((time, ip, ++_seq));
            _ipCounts[ip] = _ipCounts.GetValueOrDefault(ip) + 1;
            if (_ipCounts.Count < minIps)
                return null;
            OpenCampaign? closed = null;
            if (Open is not null && time - window > Open.Last)
            {
                closed = Open;
                Open = null;
            }
            if (Open is not null && Open.LastSeq == _seq - 1)
            {
                // Still qualifying since the previous attempt: only this one is new.
                Open.Take(time, ip, _seq);
                return closed;
            }
            Open ??= new OpenCampaign();
            foreach (var attempt in _recent)
                Open.Take(attempt.Time, attempt.Ip, attempt.Seq);
            return closed;
        }
    }

    private sealed class OpenCampaign
    {
        private readonly HashSet<IpAddress128> _ips = [];
        private long _attempts;
        private DateTimeOffset _first = DateTimeOffset.MaxValue;

        public DateTimeOffset Last { get; private set; } = DateTimeOffset.MinValue;
        public long LastSeq { get; private set; }

        public void Take(DateTimeOffset time, IpAddress128 ip, long seq)
        {
            if (seq <= LastSeq)
                return;
            LastSeq = seq;
            _attempts++;
            _ips.Add(ip);
            if (time < _first)
                _first = time;
            if (time > Last)
                Last = time;
        }

        public (Campaign, IpAddress128[]) ToDetail(string user) => (new(user, _first, Last, _ips.Count, _attempts), [.. _ips]);
    }
}
