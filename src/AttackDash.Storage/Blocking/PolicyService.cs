using AttackDash.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AttackDash.Storage.Blocking;

/// <summary>A stored policy: <see cref="Block"/> is "/32" or "/24", <see cref="BanTime"/> null for ever, <see cref="Mode"/> "propose", "auto" or "off".</summary>
public sealed record StoredPolicy(string Name, int MinEvents, TimeSpan Window, string Block, TimeSpan? BanTime, string Mode);

/// <summary>Policies saved from the Backtest page, which the live worker runs beside the configured ones; every change is audited.</summary>
public interface IPolicyService
{
    Task<List<StoredPolicy>> ListAsync(CancellationToken ct = default);

    /// <summary>Adds the policy, or changes the one of that name (its mode, say), with an audit record.</summary>
    Task SaveAsync(StoredPolicy policy, string actor, CancellationToken ct = default);
}

/// <inheritdoc cref="IPolicyService"/>
public sealed class PolicyService(NpgsqlDataSource dataSource, TimeProvider? clock = null) : IPolicyService
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<List<StoredPolicy>> ListAsync(CancellationToken ct = default)
    {
        await using var db = AttackDashDbContext.Create(dataSource);
        var rows = await db.Policies.AsNoTracking().OrderBy(p => p.Id).ToListAsync(ct);
        return [.. rows.Select(r => new StoredPolicy(r.Name, r.MinEvents, r.Window, r.Block, r.BanTime, r.Mode))];
    }

    public async Task SaveAsync(StoredPolicy policy, string actor, CancellationToken ct = default)
    {
        await using var db = AttackDashDbContext.Create(dataSource);
        var now = _clock.GetUtcNow();
        var row = await db.Policies.SingleOrDefaultAsync(p => p.Name == policy.Name, ct);
        if (row is null)
            db.Policies.Add(row = new PolicyRow { Name = policy.Name, Block = policy.Block, Mode = policy.Mode, SavedBy = actor });
        (row.MinEvents, row.Window, row.Block, row.BanTime, row.Mode, row.SavedBy, row.SavedAt) =
            (policy.MinEvents, policy.Window, policy.Block, policy.BanTime, policy.Mode, actor, now);
        db.AuditLog.Add(new AuditRow { At = now, Actor = actor, Action = "policy", Target = policy.Name, Reason = $"mode {policy.Mode}" });
        await db.SaveChangesAsync(ct);
    }
}
