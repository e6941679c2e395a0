namespace AttackDash.Storage.Entities;

/// <summary>One block-list entry (see Core's BlockEntry for the states). The network is kept in canonical "a.b.c.d/len" text.</summary>
public sealed class BlockRow
{
    public long Id { get; set; }
    public required string Network { get; set; }
    public required string State { get; set; }
    public required string Reason { get; set; }
    public required string ProposedBy { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public TimeSpan? BanTime { get; set; }
    public bool WideConfirmed { get; set; }
}

/// <summary>Who changed what, when and why: every block-list change writes one.</summary>
public sealed class AuditRow
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Target { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A network that must never be blocked: own networks, trusted MTAs.</summary>
public sealed class AllowRow
{
    public long Id { get; set; }
    public required string Network { get; set; }
    public string? Note { get; set; }
    public required string AddedBy { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>A bearer token for firewall hosts pulling the block list. Only its SHA-256 is stored.</summary>
public sealed class ApiTokenRow
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
