using AttackDash.Core.Blocking;
using AttackDash.Core.Net;

namespace AttackDash.Storage.Blocking;

/// <summary>What <see cref="BlockingService"/> offers the pages, the API and the commands; pages are tested against fakes of it.</summary>
public interface IBlockingService
{
    /// <summary>Blocks a network at once (an admin's decision: proposed and approved by <paramref name="actor"/>).</summary>
    /// <param name="banTime">Null: the escalating ban time of the policy.</param>
    /// <exception cref="BlockRefusedException">The allowlist or the width rule refuses it, or it is already blocked.</exception>
    Task<BlockEntry> BlockAsync(Cidr network, string reason, string actor, TimeSpan? banTime = null, bool wideConfirmed = false, CancellationToken ct = default);

    /// <exception cref="BlockRefusedException">The network is not blocked.</exception>
    Task UnblockAsync(Cidr network, string actor, string? reason = null, CancellationToken ct = default);

    /// <summary>Changes with every change of the block list (the newest audit record): the API's ETag.</summary>
    Task<long> VersionAsync(CancellationToken ct = default);

    /// <summary>The networks blocked now, merged into their smallest cover: what the exporters render.</summary>
    Task<List<Cidr>> ActiveNetworksAsync(CancellationToken ct = default);

    /// <returns>The active blocks that the entry ended.</returns>
    /// <exception cref="BlockRefusedException">The network is on the allowlist already.</exception>
    Task<List<Cidr>> AllowAsync(Cidr network, string actor, string? note, CancellationToken ct = default);

    /// <exception cref="BlockRefusedException">The network is not on the allowlist.</exception>
    Task RemoveAllowAsync(Cidr network, string actor, string? reason = null, CancellationToken ct = default);

    Task<List<AllowView>> AllowlistAsync(CancellationToken ct = default);

    /// <summary>Proposes blocking a network; the allowlist refuses it at once rather than at approval.</summary>
    Task<BlockView> ProposeAsync(Cidr network, string reason, string actor, CancellationToken ct = default);

    /// <summary>Approves a proposal with the same checks as <see cref="BlockAsync"/> and the escalating ban time.</summary>
    Task<BlockEntry> ApproveAsync(long id, string actor, bool wideConfirmed = false, CancellationToken ct = default);

    Task RejectAsync(long id, string actor, CancellationToken ct = default);

    /// <summary>Entries in the given states, newest first (expired ones are marked first).</summary>
    Task<List<BlockView>> ListAsync(IReadOnlyCollection<BlockState> states, int limit = 1000, CancellationToken ct = default);

    /// <summary>One page of the audit log, newest first, and the number of records.</summary>
    Task<(List<AuditView> Rows, int Total)> AuditAsync(int page, int pageSize, CancellationToken ct = default);

    /// <summary>Decides one item: "block32" or "block24" blocks it (allowlist and width rules apply), "reject" leaves it unblocked.</summary>
    /// <exception cref="BlockRefusedException">The block is refused, or the item is decided already.</exception>
    Task DecideAsync(long itemId, string decision, string actor, CancellationToken ct = default);

    /// <summary>Applies one decision to every open item of a review; refusals are returned, not thrown.</summary>
    Task<List<string>> DecideAllAsync(long reviewId, string decision, string actor, CancellationToken ct = default);
}
