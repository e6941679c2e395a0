using AttackDash.Core.Blocking;
using AttackDash.Core.Net;
using AttackDash.Storage.Entities;
using AttackDash.Storage.Ingest;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AttackDash.Storage.Blocking;

/// <summary>
/// The block list in the store: the same allowlist and width rules for the UI and the CLI, escalating
/// ban times for repeat offenders, and an audit record for every change.
/// </summary>
public sealed partial class BlockingService(NpgsqlDataSource dataSource, BanTimePolicy? policy = null, TimeProvider? clock = null) : IBlockingService
{
    private readonly BanTimePolicy _policy = policy ?? new BanTimePolicy();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <inheritdoc/>
    public async Task<BlockEntry> BlockAsync(Cidr network, string reason, string actor, TimeSpan? banTime = null, bool wideConfirmed = false, CancellationToken ct = default)
    {
        await using var db = Open();
        var active = await AddBlockAsync(db, network, reason, actor, banTime, wideConfirmed, ct);
        await SaveActiveAsync(db, network, ct);
        return active;
    }

    /// <summary>Checks and adds an active block with its audit record to <paramref name="db"/>; the caller saves, with whatever else the change holds.</summary>
    private async Task<BlockEntry> AddBlockAsync(AttackDashDbContext db, Cidr network, string reason, string actor, TimeSpan? banTime, bool wideConfirmed, CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        var earlier = await CheckBlockableAsync(db, network, wideConfirmed, now, ct);
        var proposed = new BlockEntry(network, BlockState.Proposed, reason, actor, now, banTime ?? _policy.BanTimeFor(earlier));
        var active = BlockLifecycle.Approve(proposed, actor, now);
        db.Blocks.Add(ToRow(active, wideConfirmed));
        db.AuditLog.Add(Audit(now, actor, "block", network.ToString(), $"{reason} (ban {active.BanTime?.TotalDays:0.#} days, offence {earlier + 1})"));
        return active;
    }

    /// <summary>The allowlist, width and already-blocked checks; returns how many times the network was blocked before.</summary>
    private async Task<int> CheckBlockableAsync(AttackDashDbContext db, Cidr network, bool wideConfirmed, DateTimeOffset now, CancellationToken ct)
    {
        var allow = await LoadAllowlistAsync(db, ct);
        if (allow.Refusal(network, wideConfirmed) is { } refusal)
            throw new BlockRefusedException(refusal);
        var text = network.ToString();
        await ExpireDueAsync(db, now, ct);
        if (await db.Blocks.AnyAsync(b => b.Network == text && b.State == nameof(BlockState.Active), ct))
            throw new BlockRefusedException($"{text} is already blocked");
        return await db.Blocks.CountAsync(b => b.Network == text && b.State != nameof(BlockState.Proposed) && b.State != nameof(BlockState.Rejected), ct);
    }

    /// <inheritdoc/>
    public async Task UnblockAsync(Cidr network, string actor, string? reason = null, CancellationToken ct = default)
    {
        await using var db = Open();
        var now = _clock.GetUtcNow();
        await ExpireDueAsync(db, now, ct);
        var text = network.ToString();
        var rows = await db.Blocks.Where(b => b.Network == text && b.State == nameof(BlockState.Active)).ToListAsync(ct);
        if (rows.Count == 0)
            throw new BlockRefusedException($"{text} is not blocked");
        foreach (var row in rows)
        {
            var ended = BlockLifecycle.Unblock(FromRow(row), actor, now);
            row.State = ended.State.ToString();
            row.EndedAt = ended.EndedAt;
        }
        db.AuditLog.Add(Audit(now, actor, "unblock", text, reason));
        await db.SaveChangesAsync(ct);
    }

    /// <inheritdoc/>
    public async Task<long> VersionAsync(CancellationToken ct = default)
    {
        await using var db = Open();
        await ExpireDueAsync(db, _clock.GetUtcNow(), ct);
        return await db.AuditLog.MaxAsync(a => (long?)a.Id, ct) ?? 0;
    }

    /// <inheritdoc/>
    public async Task<List<Cidr>> ActiveNetworksAsync(CancellationToken ct = default)
    {
        await using var db = Open();
        await ExpireDueAsync(db, _clock.GetUtcNow(), ct);
        var active = await db.Blocks.Where(b => b.State == nameof(BlockState.Active)).Select(b => b.Network).ToListAsync(ct);
        return CidrAggregator.Merge(active.Select(Cidr.Parse));
    }

    /// <summary>Saves a new active block; the unique index turns a concurrent duplicate into a refusal.</summary>
    private static async Task SaveActiveAsync(AttackDashDbContext db, Cidr network, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new BlockRefusedException($"{network} is already blocked");
        }
    }

    /// <summary>Ends the active blocks whose ban time is over, with an audit record each.</summary>
    private static async Task ExpireDueAsync(AttackDashDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var due = await db.Blocks.Where(b => b.State == nameof(BlockState.Active) && b.ExpiresAt != null && b.ExpiresAt <= now).ToListAsync(ct);
        foreach (var row in due)
        {
            row.State = nameof(BlockState.Expired);
            row.EndedAt = row.ExpiresAt;
            db.AuditLog.Add(Audit(now, "system", "expire", row.Network, "ban time over"));
        }
        if (due.Count > 0)
            await db.SaveChangesAsync(ct);
    }

    /// <summary>The stored allowlist entries plus the reserved ranges, as the block checks use them.</summary>
    private static async Task<Allowlist> LoadAllowlistAsync(AttackDashDbContext db, CancellationToken ct) =>
        new((await db.Allowlist.Select(a => a.Network).ToListAsync(ct)).Select(Cidr.Parse));

    private AttackDashDbContext Open() => AttackDashDbContext.Create(dataSource);

    private static AuditRow Audit(DateTimeOffset at, string actor, string action, string target, string? reason) =>
        new() { At = at, Actor = actor, Action = action, Target = target, Reason = reason };

    private static BlockRow ToRow(BlockEntry e, bool wideConfirmed) => new()
    {
        Network = e.Network.ToString(), State = e.State.ToString(), Reason = e.Reason, ProposedBy = e.ProposedBy, ProposedAt = e.ProposedAt,
        DecidedBy = e.DecidedBy, DecidedAt = e.DecidedAt, ExpiresAt = e.ExpiresAt, EndedAt = e.EndedAt, BanTime = e.BanTime, WideConfirmed = wideConfirmed,
    };

    private static BlockEntry FromRow(BlockRow r) =>
        new(Cidr.Parse(r.Network), Enum.Parse<BlockState>(r.State), r.Reason, r.ProposedBy, r.ProposedAt, r.BanTime)
        {
            DecidedBy = r.DecidedBy, DecidedAt = r.DecidedAt, ExpiresAt = r.ExpiresAt, EndedAt = r.EndedAt,
        };
}
