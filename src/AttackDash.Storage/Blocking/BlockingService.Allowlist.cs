using AttackDash.Core.Blocking;
using AttackDash.Core.Net;
using AttackDash.Storage.Entities;
using AttackDash.Storage.Ingest;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AttackDash.Storage.Blocking;

/// <summary>
/// The allowlist wins everywhere: an entry ends the active blocks it overlaps (each audited), refuses
/// later blocks, makes its clients local (out of the rankings and reviews), and can be removed, audited.
/// </summary>
public sealed partial class BlockingService
{
    /// <inheritdoc/>
    public async Task<List<Cidr>> AllowAsync(Cidr network, string actor, string? note, CancellationToken ct = default)
    {
        await using var db = Open();
        var now = _clock.GetUtcNow();
        var text = network.ToString();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Allowlist.AnyAsync(a => a.Network == text, ct))
            throw new BlockRefusedException($"{text} is on the allowlist already");
        db.Allowlist.Add(new AllowRow { Network = text, Note = note, AddedBy = actor, AddedAt = now });
        db.AuditLog.Add(Audit(now, actor, "allow", text, note));
        var ended = new List<Cidr>();
        foreach (var row in await db.Blocks.Where(b => b.State == nameof(BlockState.Active)).ToListAsync(ct))
        {
            var blocked = Cidr.Parse(row.Network);
            if (!blocked.Overlaps(network))
                continue;
            var entry = BlockLifecycle.Unblock(FromRow(row), actor, now);
            (row.State, row.EndedAt) = (entry.State.ToString(), entry.EndedAt);
            db.AuditLog.Add(Audit(now, actor, "unblock", row.Network, $"overlaps the allowlist entry {text}"));
            ended.Add(blocked);
        }
        await db.SaveChangesAsync(ct);
        await RefreshLocalAsync(db, network, ct);
        await tx.CommitAsync(ct);
        return ended;
    }

    /// <inheritdoc/>
    public async Task RemoveAllowAsync(Cidr network, string actor, string? reason = null, CancellationToken ct = default)
    {
        await using var db = Open();
        var text = network.ToString();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await db.Allowlist.SingleOrDefaultAsync(a => a.Network == text, ct) ?? throw new BlockRefusedException($"{text} is not on the allowlist");
        db.Allowlist.Remove(row);
        db.AuditLog.Add(Audit(_clock.GetUtcNow(), actor, "allow-remove", text, reason));
        await db.SaveChangesAsync(ct);
        await RefreshLocalAsync(db, network, ct);
        await tx.CommitAsync(ct);
    }

    /// <inheritdoc/>
    public async Task<List<AllowView>> AllowlistAsync(CancellationToken ct = default)
    {
        await using var db = Open();
        var rows = await db.Allowlist.AsNoTracking().OrderBy(a => a.Network).ToListAsync(ct);
        return [.. rows.Select(AllowView.Of)];
    }

    /// <summary>The clients already stored inside the network become local, or stop being so, at once.</summary>
    private static Task RefreshLocalAsync(AttackDashDbContext db, Cidr network, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(LocalSql.Refresh, [new NpgsqlParameter("net", network.ToString())], ct);
}
