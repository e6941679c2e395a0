using AttackDash.Core.Blocking;
using AttackDash.Core.Net;
using AttackDash.Storage.Entities;

namespace AttackDash.Storage.Blocking;

/// <summary>One block-list entry as pages and commands see it: its network and state as domain values, never text.</summary>
public sealed record BlockView(
    long Id, Cidr Network, BlockState State, string Reason, string ProposedBy, DateTimeOffset ProposedAt,
    string? DecidedBy, DateTimeOffset? DecidedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? EndedAt, TimeSpan? BanTime, bool WideConfirmed)
{
    internal static BlockView Of(BlockRow r) => new(
        r.Id, Cidr.Parse(r.Network), Enum.Parse<BlockState>(r.State), r.Reason, r.ProposedBy, r.ProposedAt,
        r.DecidedBy, r.DecidedAt, r.ExpiresAt, r.EndedAt, r.BanTime, r.WideConfirmed);
}

/// <summary>One allowlist entry: a network that is never blocked.</summary>
public sealed record AllowView(long Id, Cidr Network, string? Note, string AddedBy, DateTimeOffset AddedAt)
{
    internal static AllowView Of(AllowRow r) => new(r.Id, Cidr.Parse(r.Network), r.Note, r.AddedBy, r.AddedAt);
}

/// <summary>One audit record: who changed what, when and why.</summary>
public sealed record AuditView(long Id, DateTimeOffset At, string Actor, string Action, string Target, string? Reason)
{
    internal static AuditView Of(AuditRow r) => new(r.Id, r.At, r.Actor, r.Action, r.Target, r.Reason);
}
