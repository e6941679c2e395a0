using AttackDash.Core.Blocking;
using AttackDash.Core.Net;
using AttackDash.Storage.Accounts;
using AttackDash.Storage.Blocking;

namespace AttackDash.Web.Tests.Pages;

/// <summary>The commands of the fake store record what was asked (<see cref="FakeStore.Changes"/>) and change nothing else.</summary>
public sealed partial class FakeStore : IBlockingService, IReviewService, ITokenService, IUserService, ISignInService
{
    public List<AllowView> Allowlist { get; } = [];
    public List<AuditView> Audit { get; } = [];
    public ReviewView? Review { get; set; }
    public List<(string Name, DateTimeOffset Created, DateTimeOffset? Revoked)> Tokens { get; } = [];
    public List<UserInfo> Users { get; } = [];

    private static BlockEntry Entry(Cidr network) => new(network, BlockState.Active, "test", "alice", DateTimeOffset.UnixEpoch, null);

    public Task<BlockEntry> BlockAsync(Cidr network, string reason, string actor, TimeSpan? banTime = null, bool wideConfirmed = false, CancellationToken ct = default) =>
        Change($"block {network} by {actor}", Entry(network));

    public Task UnblockAsync(Cidr network, string actor, string? reason = null, CancellationToken ct = default) => Change($"unblock {network} by {actor}");
    public Task<long> VersionAsync(CancellationToken ct = default) => Answer(0L);
    public Task<List<Cidr>> ActiveNetworksAsync(CancellationToken ct = default) => Answer(Blocks.Where(b => b.State == BlockState.Active).Select(b => b.Network).ToList());

    public Task<List<Cidr>> AllowAsync(Cidr network, string actor, string? note, CancellationToken ct = default) =>
        Change($"allow {network} by {actor}", new List<Cidr>());

    public Task RemoveAllowAsync(Cidr network, string actor, string? reason = null, CancellationToken ct = default) => Change($"remove allow {network} by {actor}");
    public Task<List<AllowView>> AllowlistAsync(CancellationToken ct = default) => Answer(Allowlist);
    public Task<BlockView> ProposeAsync(Cidr network, string reason, string actor, CancellationToken ct = default) =>
        Allowlist.Any(a => a.Network.Overlaps(network))
            ? throw new BlockRefusedException($"{network} overlaps the allowlist")
            : Change($"propose {network} by {actor}: {reason}", new BlockView(0, network, BlockState.Proposed, reason, actor, DateTimeOffset.UnixEpoch, null, null, null, null, null, false));

    public Task<BlockEntry> ApproveAsync(long id, string actor, bool wideConfirmed = false, CancellationToken ct = default) =>
        Change($"approve {id} by {actor}", Entry(Blocks.Single(b => b.Id == id).Network));

    public Task RejectAsync(long id, string actor, CancellationToken ct = default) => Change($"reject {id} by {actor}");
    public Task<List<BlockView>> ListAsync(IReadOnlyCollection<BlockState> states, int limit = 1000, CancellationToken ct = default) => Answer(Blocks.Where(b => states.Contains(b.State)).ToList());
    public Task<(List<AuditView> Rows, int Total)> AuditAsync(int page, int pageSize, CancellationToken ct = default) => Answer((Audit.Skip(page * pageSize).Take(pageSize).ToList(), Audit.Count));

    public Task<bool> IsOpenAsync(DateOnly day, CancellationToken ct = default) => Answer(Review is not null);
    public Task<ReviewView> OpenAsync(DateOnly day, CancellationToken ct = default) => throw new NotSupportedException("tests set Review");
    public Task DecideAsync(long itemId, string decision, string actor, CancellationToken ct = default) => Change($"decide {itemId} {decision} by {actor}");

    public Task<List<string>> DecideAllAsync(long reviewId, string decision, string actor, CancellationToken ct = default) =>
        Change($"decide all {decision} by {actor}", new List<string>());

    public Task<ReviewView?> LatestAsync(CancellationToken ct = default) => Answer(Review);

    Task<string> ITokenService.CreateAsync(string name, string actor, CancellationToken ct) => Change($"token {name} by {actor}", "secret-token");
    public Task RevokeAsync(string name, string actor, CancellationToken ct = default) => Change($"revoke {name} by {actor}");
    public Task<HashSet<string>> ActiveHashesAsync(CancellationToken ct = default) => Answer(new HashSet<string>());
    Task<List<(string Name, DateTimeOffset Created, DateTimeOffset? Revoked)>> ITokenService.ListAsync(CancellationToken ct) => Answer(Tokens);

    Task<string> IUserService.CreateAsync(string name, string role, string actor, CancellationToken ct) => Change($"user {name} {role} by {actor}", "one-time");
    public Task<string?> EnsureFirstAdminAsync(CancellationToken ct = default) => Answer<string?>(null);
    Task<List<UserInfo>> IUserService.ListAsync(CancellationToken ct) => Answer(Users);
    public Task ChangePasswordAsync(string name, string current, string next, string? keepSession, CancellationToken ct = default) => Change($"password {name}");
    public Task DisableAsync(string name, string actor, CancellationToken ct = default) => Change($"disable {name} by {actor}");
    public Task EnableAsync(string name, string actor, CancellationToken ct = default) => Change($"enable {name} by {actor}");
    public Task SetRoleAsync(string name, string role, string actor, CancellationToken ct = default) => Change($"role {name} {role} by {actor}");
    public Task<string> ResetPasswordAsync(string name, string actor, CancellationToken ct = default) => Change($"reset {name} by {actor}", "one-time");
    public Task RemoveAsync(string name, string actor, CancellationToken ct = default) => Change($"remove {name} by {actor}");
    public Task<int> UnlockAsync(string name, string actor, CancellationToken ct = default) => Change($"unlock {name} by {actor}", 0);
    public Task<SignedIn?> SignInAsync(string name, string password, string client, CancellationToken ct = default) =>
        Change<SignedIn?>($"sign-in {name}", null);
}
