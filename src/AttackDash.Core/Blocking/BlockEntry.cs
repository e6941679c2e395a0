using AttackDash.Core.Net;

namespace AttackDash.Core.Blocking;

public enum BlockState
{
    Proposed,
    Active,
    Expired,
    Unblocked,
    Rejected,
}

/// <summary>One block: an address or network, its state and who did what when. Immutable: transitions return a new entry.</summary>
public sealed record BlockEntry(
    Cidr Network,
    BlockState State,
    string Reason,
    string ProposedBy,
    DateTimeOffset ProposedAt,
    TimeSpan? BanTime)
{
    public string? DecidedBy { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Active and not past its expiry at <paramref name="now"/>.</summary>
    public bool BlocksAt(DateTimeOffset now) => State == BlockState.Active && (ExpiresAt is not { } e || now < e);
}
