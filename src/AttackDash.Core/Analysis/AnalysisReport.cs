namespace AttackDash.Core.Analysis;

/// <summary>The result of an analysis: the <c>attackdash.analyze/1</c> JSON schema (docs/analyze-json.md).</summary>
public sealed record AnalysisReport
{
    public string Schema { get; init; } = "attackdash.analyze/1";
    public required InputSummary Input { get; init; }
    public required Period Period { get; init; }
    public required IReadOnlyDictionary<string, long> Totals { get; init; }
    public long AttackEvents { get; init; }
    public long UniqueAttackerIps { get; init; }
    public required IReadOnlyList<DistributionBucket> Distribution { get; init; }
    public required HeavyHitters HeavyHitters { get; init; }
    public required IReadOnlyList<Offender> Offenders { get; init; }
    public required IReadOnlyList<SubnetSummary> Subnets { get; init; }
    public required IReadOnlyList<InjectionAttempt> Injections { get; init; }
    public required IReadOnlyList<PossibleCompromise> PossibleCompromises { get; init; }
    public required IReadOnlyList<Campaign> Campaigns { get; init; }

    /// <summary>Local clients (loopback, --local) with every kind of their events: shown, never ranked.</summary>
    public IReadOnlyList<Offender> Local { get; init; } = [];
}

public sealed record InputSummary(IReadOnlyList<string> Files, long Lines, long SendmailLines, long OtherLines, long MalformedLines);

public sealed record Period(DateTimeOffset? First, DateTimeOffset? Last);

/// <summary>IPs whose attack event count lies in [MinEvents, MaxEvents]; MaxEvents is null for the open top bucket.</summary>
public sealed record DistributionBucket(long MinEvents, long? MaxEvents, long Ips);

/// <summary>The IPs at or above --min-events: how many, and how much of the attack traffic they sent.</summary>
public sealed record HeavyHitters(long MinEvents, long Ips, long Events);

public sealed record Offender(
    string Ip, long Events, IReadOnlyDictionary<string, long> ByKind, DateTimeOffset First, DateTimeOffset Last, long MayBeForged);

/// <summary>A subnet holding at least one heavy hitter: all attacking IPs inside it and their events.</summary>
public sealed record SubnetSummary(string Cidr, long Ips, long Events);

public sealed record InjectionAttempt(DateTimeOffset Time, string Ip, string Payload);

public sealed record PossibleCompromise(DateTimeOffset Time, string Ip, string Kind, string? User);

public sealed record Campaign(string Username, DateTimeOffset First, DateTimeOffset Last, long Ips, long Attempts);
