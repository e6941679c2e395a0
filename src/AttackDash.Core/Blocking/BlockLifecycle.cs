namespace AttackDash.Core.Blocking;

/// <summary>A transition the state machine does not allow; the message says why.</summary>
public sealed class BlockTransitionException(string message) : InvalidOperationException(message);

/// <summary>
/// proposed → active (approved) → expired or unblocked; proposed → rejected. Nothing else: an ended
/// block is blocked again by a new proposal, which is how repeat offences are counted.
/// </summary>
public static class BlockLifecycle
{
    public static BlockEntry Approve(BlockEntry e, string by, DateTimeOffset now) =>
        Require(e, BlockState.Proposed, "approve") with
        {
            State = BlockState.Active, DecidedBy = by, DecidedAt = now, ExpiresAt = e.BanTime is { } t ? now + t : null,
        };

    public static BlockEntry Reject(BlockEntry e, string by, DateTimeOffset now) =>
        Require(e, BlockState.Proposed, "reject") with { State = BlockState.Rejected, DecidedBy = by, DecidedAt = now, EndedAt = now };

    public static BlockEntry Unblock(BlockEntry e, string by, DateTimeOffset now) =>
        Require(e, BlockState.Active, "unblock") with { State = BlockState.Unblocked, DecidedBy = by, EndedAt = now };

    /// <summary>Ends an active block whose ban time is over; others are returned unchanged.</summary>
    public static BlockEntry ExpireIfDue(BlockEntry e, DateTimeOffset now) =>
        e.State == BlockState.Active && e.ExpiresAt is { } x && now >= x ? e with { State = BlockState.Expired, EndedAt = x } : e;

    private static BlockEntry Require(BlockEntry e, BlockState state, string verb) =>
        e.State == state ? e : throw new BlockTransitionException($"cannot {verb} {e.Network}: it is {e.State.ToString().ToLowerInvariant()}, not {state.ToString().ToLowerInvariant()}");
}
