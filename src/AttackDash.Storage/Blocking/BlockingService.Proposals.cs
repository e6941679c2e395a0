using AttackDash.Core.Blocking;
using AttackDash.Core.Net;
using AttackDash.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace AttackDash.Storage.Blocking;

/// <summary>Proposals (from the offenders table): anyone may propose, an admin approves or rejects; and the lists the pages show.</summary>
public sealed partial class BlockingService
{
    /// <inheritdoc/>
    public async Task<BlockView> ProposeAsync(Cidr network, string reason, string actor, CancellationToken ct = default)
    {
        await using var db = Open();
        var allow = await LoadAllowlistAsync(db, ct);
        if (allow.Refusal(network, wideConfirmed: true) is { } refusal)
            throw new BlockRefusedException(refusal);
        var text = network.ToString();
        if (await db.Blocks.AnyAsync(b => b.Network == text && (b.State == nameof(BlockState.Proposed) || b.State == nameof(BlockState.Active)), ct))
            throw new BlockRefusedException($"{text} is already proposed or blocked");
        var now = _clock.GetUtcNow();
        var row = ToRow(new BlockEntry(network, BlockState.Proposed, reason, actor, now, null), wideConfirmed: false);
        db.Blocks.Add(row);
        db.AuditLog.Add(Audit(now, actor, "propose", text, reason));
        await db.SaveChangesAsync(ct);
        return BlockView.Of(row);
    }

    /// <inheritdoc/>
    public async Task<BlockEntry> ApproveAsync(long id, string actor, bool wideConfirmed = false, CancellationToken ct = default)
    {
        await using var db = Open();
        var row = await ProposalAsync(db, id, ct);
        var now = _clock.GetUtcNow();
        var earlier = await CheckBlockableAsync(db, Cidr.Parse(row.Network), wideConfirmed, now, ct);
        var active = BlockLifecycle.Approve(FromRow(row) with { BanTime = _policy.BanTimeFor(earlier) }, actor, now);
        Apply(row, active);
        row.WideConfirmed = wideConfirmed;
        db.AuditLog.Add(Audit(now, actor, "approve", row.Network, $"{row.Reason} (ban {active.BanTime?.TotalDays:0.#} days, offence {earlier + 1})"));
        await SaveActiveAsync(db, active.Network, ct);
        return active;
    }

    /// <inheritdoc/>
    public async Task RejectAsync(long id, string actor, CancellationToken ct = default)
    {
        await using var db = Open();
        var row = await ProposalAsync(db, id, ct);
        var now = _clock.GetUtcNow();
        Apply(row, BlockLifecycle.Reject(FromRow(row), actor, now));
        db.AuditLog.Add(Audit(now, actor, "reject", row.Network, row.Reason));
        await db.SaveChangesAsync(ct);
    }

    /// <inheritdoc/>
    public async Task<List<BlockView>> ListAsync(IReadOnlyCollection<BlockState> states, int limit = 1000, CancellationToken ct = default)
    {
        await using var db = Open();
        await ExpireDueAsync(db, _clock.GetUtcNow(), ct);
        var names = states.Select(s => s.ToString()).ToList();
        var rows = await db.Blocks.AsNoTracking().Where(b => names.Contains(b.State)).OrderByDescending(b => b.ProposedAt).ThenByDescending(b => b.Id).Take(limit).ToListAsync(ct);
        return [.. rows.Select(BlockView.Of)];
    }

    /// <inheritdoc/>
    public async Task<(List<AuditView> Rows, int Total)> AuditAsync(int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = Open();
        var rows = await db.AuditLog.AsNoTracking().OrderByDescending(a => a.Id).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return ([.. rows.Select(AuditView.Of)], await db.AuditLog.CountAsync(ct));
    }

    private static async Task<BlockRow> ProposalAsync(AttackDashDbContext db, long id, CancellationToken ct) =>
        await db.Blocks.SingleOrDefaultAsync(b => b.Id == id && b.State == nameof(BlockState.Proposed), ct)
        ?? throw new BlockRefusedException($"no open proposal {id}");

    private static void Apply(BlockRow row, BlockEntry e)
    {
        row.State = e.State.ToString();
        row.DecidedBy = e.DecidedBy;
        row.DecidedAt = e.DecidedAt;
        row.ExpiresAt = e.ExpiresAt;
        row.EndedAt = e.EndedAt;
        row.BanTime = e.BanTime;
    }
}
