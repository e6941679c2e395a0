using AttackDash.Core.Analysis;

namespace AttackDash.Generation;

/// <summary>
/// What the generator wrote, known by construction rather than by parsing: the numbers that
/// <c>attackdash analyze --json --all</c> must reproduce (for the default campaign window and IP bar).
/// </summary>
public sealed record GroundTruth
{
    public string Schema { get; init; } = "attackdash.truth/1";
    public required int Seed { get; init; }
    public required long Lines { get; init; }
    public required long SendmailLines { get; init; }
    public required long OtherLines { get; init; }
    public required long MalformedLines { get; init; }
    public required Period Period { get; init; }
    public required IReadOnlyDictionary<string, long> Totals { get; init; }
    public required long AttackEvents { get; init; }
    public required long UniqueAttackerIps { get; init; }
    public required IReadOnlyList<Offender> Offenders { get; init; }
    public required IReadOnlyList<InjectionAttempt> Injections { get; init; }
    public required IReadOnlyList<PossibleCompromise> PossibleCompromises { get; init; }
    public required IReadOnlyList<Campaign> Campaigns { get; init; }
}
