using AttackDash.Core.Analysis;
using AttackDash.Core.Events;
using AttackDash.Core.Net;

namespace AttackDash.Generation;

/// <summary>Counts what the generator writes, as it writes it.</summary>
internal sealed class TruthRecorder
{
    private readonly long[] _totals = new long[EventKinds.Count];
    private readonly IpTallies _attackers = new();
    private readonly List<InjectionAttempt> _injections = [];
    private readonly List<PossibleCompromise> _successes = [];
    private readonly HashSet<IpAddress128> _successIps = [];
    private DateTimeOffset? _first;
    private DateTimeOffset? _last;

    public long SendmailLines { get; set; }
    public long OtherLines { get; set; }
    public long MalformedLines { get; set; }
    public long Unattributed { get; private set; }
    public List<Campaign> Campaigns { get; } = [];

    public void SeeLine(DateTimeOffset time)
    {
        if (_first is not { } f || time < f)
            _first = time;
        if (_last is not { } l || time > l)
            _last = time;
    }

    public void Event(EventKind kind, IpAddress128? ip, DateTimeOffset time, bool forged = false, string? user = null, string? payload = null)
    {
        _totals[(int)kind]++;
        if (ip is not { } address)
        {
            Unattributed++;
            return;
        }
        if (kind.IsSuccess())
        {
            _successes.Add(new PossibleCompromise(time, address.ToString(), kind.Name(), user));
            _successIps.Add(address);
            return;
        }
        if (!kind.IsAttack())
            return;
        _attackers.Add(address, new MailEvent(time, kind, "", 0, null, address, null, forged, user, ""));
        if (kind == EventKind.Injection)
            _injections.Add(new InjectionAttempt(time, address.ToString(), payload!));
    }

    public bool IsAttacker(IpAddress128 ip) => _attackers.Contains(ip);

    public GroundTruth Build(int seed)
    {
        var totals = EventKinds.All.ToDictionary(k => k.Name(), k => _totals[(int)k]);
        totals["unattributed"] = Unattributed;
        return new GroundTruth
        {
            Seed = seed,
            Lines = SendmailLines + OtherLines + MalformedLines,
            SendmailLines = SendmailLines,
            OtherLines = OtherLines,
            MalformedLines = MalformedLines,
            Period = new Period(_first, _last),
            Totals = totals,
            AttackEvents = EventKinds.All.Where(k => k.IsAttack()).Sum(k => _totals[(int)k]),
            UniqueAttackerIps = _attackers.Count,
            Offenders = _attackers.All().OrderByDescending(a => a.Events).ThenBy(a => a.Ip)
                .Select(a => _attackers.ToOffender(a.Ip))
                .ToList(),
            Injections = _injections.OrderBy(i => i.Time).ToList(),
            PossibleCompromises = _successes.Where(s => _attackers.Contains(IpAddress128.Parse(s.Ip)))
                .OrderBy(c => c.Time).ThenBy(c => c.Ip, StringComparer.Ordinal).ThenBy(c => c.Kind, StringComparer.Ordinal).ToList(),
            Campaigns = Campaigns.OrderBy(c => c.First).ThenBy(c => c.Username, StringComparer.Ordinal).ToList(),
        };
    }
}
