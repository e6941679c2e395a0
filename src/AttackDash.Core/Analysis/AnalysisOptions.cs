using AttackDash.Core.Net;

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

    /// <summary>Loopback, always: a web form or a script on the mail server itself is not an attacker.</summary>
    public static IReadOnlyList<Cidr> Loopback { get; } = [Cidr.Parse("127.0.0.0/8"), Cidr.Parse("::1/128")];

    /// <summary>
    /// The operator's own networks (--local, the allowlist), local besides loopback, which always is.
    /// Local clients' events are reported apart and never rank as offenders or join a campaign. The
    /// other protected ranges (private, documentation) are not local unless listed: they are never
    /// blocked, but their clients are counted like any other.
    /// </summary>
    public IReadOnlyList<Cidr> Local { get; set; } = [];

    /// <summary>Called for every event: loopback is tested without a loop (it cost 3% of analyze as two CIDRs).</summary>
    public bool IsLocal(IpAddress128 ip)
    {
        if (ip.IsV4 ? (uint)ip.Value >> 24 == 127 : ip.Value == UInt128.One)
            return true;
        foreach (var net in Local)
        {
            if (net.Contains(ip))
                return true;
        }
        return false;
    }

    public bool InRange(DateTimeOffset time) =>
        (Since is not { } s || time >= s) && (Until is not { } u || time < u);
}
