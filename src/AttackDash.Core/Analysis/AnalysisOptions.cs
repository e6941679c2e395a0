namespace AttackDash.Core.Analysis;

public sealed class AnalysisOptions
{
    /// <summary>Events outside [Since, Until) are not counted.</summary>
    public DateTimeOffset? Since { get; set; }

    public DateTimeOffset? Until { get; set; }

    /// <summary>The heavy-hitter bar: attack events an IP needs to be listed with its subnet.</summary>
    public int MinEvents { get; set; } = 100;

    /// <summary>IPv4 prefix for subnet aggregation.</summary>
    public int Prefix { get; set; } = 24;

    /// <summary>IPv6 prefix for subnet aggregation (a /64 is one customer line).</summary>
    public int Prefix6 { get; set; } = 64;

    public TimeSpan CampaignWindow { get; set; } = TimeSpan.FromMinutes(10);

    public int CampaignMinIps { get; set; } = 5;

    /// <summary>Success events kept per IP as evidence of a possible compromise.</summary>
    public int CompromiseSamplesPerIp { get; set; } = 100;

    /// <summary>Injection attempts kept verbatim; the count beyond stays exact.</summary>
    public int MaxInjections { get; set; } = 100_000;

    public bool InRange(DateTimeOffset time) =>
        (Since is not { } s || time >= s) && (Until is not { } u || time < u);
}
