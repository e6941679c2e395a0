namespace AttackDash.Storage.Entities;

/// <summary>One weekly offender review: the week it covers and when it was opened and closed.</summary>
public sealed class ReviewRow
{
    public long Id { get; set; }
    public DateOnly WeekStart { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public List<ReviewItemRow> Items { get; set; } = [];
}

/// <summary>One offender of a review, with what the admin needs to decide, and the decision.</summary>
public sealed class ReviewItemRow
{
    public long Id { get; set; }
    public long ReviewId { get; set; }
    public required string Ip { get; set; }
    public long Events { get; set; }
    public long PreviousWeekEvents { get; set; }
    public long Injections { get; set; }
    public required string Kinds { get; set; }
    public string? CountryCode { get; set; }
    public long? Asn { get; set; }
    public string? AsOrganization { get; set; }

    /// <summary>Accepted messages and logins in the IP's /24 (IPv6 /64) from IPs that never attacked: what blocking the /24 would refuse.</summary>
    public long CollateralMessages { get; set; }
    public long CollateralLogins { get; set; }

    /// <summary>null (open), "block32", "block24" or "reject".</summary>
    public string? Decision { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}
