using System.Runtime.CompilerServices;
using AttackDash.Core.Events;
using AttackDash.Core.Net;

namespace AttackDash.Core.Analysis;

/// <summary>
/// Folds the engine's events into the report's tallies as they stream by. Its memory grows with the
/// number of distinct IPs, not with the number of lines.
/// </summary>
public sealed class Analyzer(AnalysisOptions options) : IEventSink
{
    private readonly long[] _totals = new long[EventKinds.Count];
    private readonly IpTallies _attackers = new();
    private readonly IpTallies _local = new();
    private readonly Dictionary<IpAddress128, SuccessSamples> _successes = [];
    private readonly List<InjectionAttempt> _injections = [];
    private readonly CampaignDetector _campaigns = new(options.CampaignWindow, options.CampaignMinIps);

    public long Unattributed { get; private set; }
    public long AttackEvents { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(MailEvent mailEvent)
    {
        if (!options.InRange(mailEvent.Time))
            return;
        var kind = mailEvent.Kind;
        _totals[(int)kind]++;
        if (mailEvent.ClientIp is not { } ip)
        {
            Unattributed++;
            AttackEvents += kind.IsAttack() ? 1 : 0;
            return;
        }
        if (options.IsLocal(ip))
        {
            _local.Add(ip, mailEvent);
            return;
        }
        if (kind.IsSuccess())
        {
            Samples(ip).Add(mailEvent, options.CompromiseSamplesPerIp);
            return;
        }
        if (!kind.IsAttack())
            return;
        AttackEvents++;
        _attackers.Add(ip, mailEvent);
        if (kind == EventKind.Injection && _injections.Count < options.MaxInjections)
            _injections.Add(new InjectionAttempt(mailEvent.Time, ip.ToString(), mailEvent.Argument ?? mailEvent.Detail));
        if (kind == EventKind.AuthFailure && mailEvent.User is { } user)
            _campaigns.Add(user, ip, mailEvent.Time);
    }

    internal IpTallies Attackers => _attackers;

    /// <summary>Local clients (loopback, --local): every kind of their events, kept apart from the attackers.</summary>
    internal IpTallies Local => _local;
    internal IReadOnlyList<long> Totals => _totals;
    internal List<InjectionAttempt> Injections => _injections;

    internal List<Campaign> CompleteCampaigns() => _campaigns.Complete();

    internal IEnumerable<PossibleCompromise> Compromises() =>
        _successes.Where(s => _attackers.Contains(s.Key)).SelectMany(s => s.Value.Events)
            .OrderBy(c => c.Time).ThenBy(c => c.Ip, StringComparer.Ordinal).ThenBy(c => c.Kind, StringComparer.Ordinal);

    private SuccessSamples Samples(IpAddress128 ip)
    {
        if (!_successes.TryGetValue(ip, out var s))
        {
            s = new SuccessSamples();
            _successes[ip] = s;
        }
        return s;
    }

    private sealed class SuccessSamples
    {
        public List<PossibleCompromise> Events { get; } = [];

        public void Add(MailEvent e, int max)
        {
            if (Events.Count < max)
                Events.Add(new PossibleCompromise(e.Time, e.ClientIp!.Value.ToString(), e.Kind.Name(), e.User));
        }
    }
}
