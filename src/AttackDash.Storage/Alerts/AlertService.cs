using AttackDash.Core.Events;
using AttackDash.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AttackDash.Storage.Alerts;

/// <inheritdoc cref="IAlertService"/>
public sealed class AlertService(NpgsqlDataSource dataSource, TimeProvider? clock = null) : IAlertService
{
    private const long RaiseLock = 0x4144_414c_4552_54;   // "ADALERT": one host raises at a time
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<AlertView>> RaiseAsync(DateTimeOffset since, AlertRules rules, CancellationToken ct = default)
    {
        var kinds = new List<short>();
        if (rules.Kinds.Contains(AlertKinds.PossibleCompromise))
            kinds.AddRange([(short)EventKind.AuthSuccess, (short)EventKind.MessageAccepted]);
        if (rules.Kinds.Contains(AlertKinds.Injection))
            kinds.Add((short)EventKind.Injection);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({RaiseLock})", conn, tx))
            await lockCmd.ExecuteNonQueryAsync(ct);
        var raised = new List<AlertView>();
        if (rules.Kinds.Contains(AlertKinds.Campaign))
            raised.AddRange(await RunAsync(conn, tx, AlertSql.Campaigns, since, rules, kinds, ct));
        if (kinds.Count > 0)
            raised.AddRange(await RunAsync(conn, tx, AlertSql.Events, since, rules, kinds, ct));
        if (rules.Kinds.Contains(AlertKinds.HeavyHitter))
            raised.AddRange(await RunAsync(conn, tx, AlertSql.HeavyHitters, since, rules, kinds, ct));
        await tx.CommitAsync(ct);
        return raised;
    }

    private async Task<List<AlertView>> RunAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, DateTimeOffset since, AlertRules rules, List<short> kinds, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter("since", NpgsqlDbType.TimestampTz) { Value = since });
        cmd.Parameters.Add(new NpgsqlParameter("kinds", NpgsqlDbType.Array | NpgsqlDbType.Smallint) { Value = kinds.ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("look_back", NpgsqlDbType.Interval) { Value = rules.LookBack });
        cmd.Parameters.Add(new NpgsqlParameter("quiet", NpgsqlDbType.Interval) { Value = rules.Quiet });
        cmd.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = _clock.GetUtcNow() });
        cmd.Parameters.Add(new NpgsqlParameter("campaign_ips", NpgsqlDbType.Bigint) { Value = (long)rules.CampaignIps });
        cmd.Parameters.Add(new NpgsqlParameter("heavy", NpgsqlDbType.Bigint) { Value = rules.HeavyHitterEvents });
        var rows = new List<AlertView>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            rows.Add(new AlertView(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.GetString(6), r.GetInt64(7), null, null));
        }
        return rows;
    }

    /// <inheritdoc/>
    public async Task<(List<AlertView> Rows, int Total)> ListAsync(bool openOnly, int page, int pageSize, string? kind = null, CancellationToken ct = default)
    {
        await using var db = AttackDashDbContext.Create(dataSource);
        var q = db.Alerts.AsNoTracking().Where(a => (!openOnly || a.AcknowledgedAt == null) && (kind == null || a.Kind == kind));
        var rows = await q.OrderByDescending(a => a.Id).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return ([.. rows.Select(View)], await q.CountAsync(ct));
    }

    /// <inheritdoc/>
    public async Task<int> OpenCountAsync(CancellationToken ct = default)
    {
        await using var db = AttackDashDbContext.Create(dataSource);
        return await db.Alerts.CountAsync(a => a.AcknowledgedAt == null, ct);
    }

    /// <inheritdoc/>
    public async Task<bool> AcknowledgeAsync(long id, string actor, CancellationToken ct = default)
    {
        await using var db = AttackDashDbContext.Create(dataSource);
        var row = await db.Alerts.SingleOrDefaultAsync(a => a.Id == id && a.AcknowledgedAt == null, ct);
        if (row is null)
            return false;
        var now = _clock.GetUtcNow();
        (row.AcknowledgedAt, row.AcknowledgedBy) = (now, actor);
        db.AuditLog.Add(new AuditRow { At = now, Actor = actor, Action = "acknowledge", Target = $"alert {id}", Reason = $"{row.Kind} from {row.Ip}" });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <inheritdoc/>
    public async Task<List<AlertView>> UnsentAsync(int maxAttempts, CancellationToken ct = default)
    {
        await using var db = AttackDashDbContext.Create(dataSource);
        var since = _clock.GetUtcNow().AddDays(-1);
        var rows = await db.Alerts.AsNoTracking().Where(a => a.SentAt == null && a.SendAttempts < maxAttempts && a.RaisedAt >= since)
            .OrderBy(a => a.Id).Take(100).ToListAsync(ct);
        return [.. rows.Select(View)];
    }

    /// <inheritdoc/>
    public async Task MarkSentAsync(long id, bool sent, CancellationToken ct = default)
    {
        await using var db = AttackDashDbContext.Create(dataSource);
        DateTimeOffset? at = sent ? _clock.GetUtcNow() : null;
        await db.Alerts.Where(a => a.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.SendAttempts, a => a.SendAttempts + 1)
            .SetProperty(a => a.SentAt, a => at ?? a.SentAt), ct);
    }

    private static AlertView View(AlertRow a) =>
        new(a.Id, a.RaisedAt, a.Kind, a.Ip, a.Time, a.Username, a.Line, a.Attacks, a.AcknowledgedAt, a.AcknowledgedBy);
}
