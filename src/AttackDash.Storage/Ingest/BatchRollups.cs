using AttackDash.Core.Events;
using AttackDash.Core.Net;
using Npgsql;
using NpgsqlTypes;

namespace AttackDash.Storage.Ingest;

/// <summary>
/// The rollup and per-IP summary increments of one batch, summed in memory and upserted with one
/// array statement per table: for a batch known to hold only new rows. Per-IP hours only from
/// <c>hourlySince</c> on (see <see cref="Hosting.DatabaseOptions.HourlyRollupDays"/>).
/// </summary>
internal sealed class BatchRollups
{
    private readonly Dictionary<(DateTime Hour, IpAddress128 Ip, short Kind), long> _byIp = [];
    private readonly Dictionary<(DateOnly Day, IpAddress128 Ip, short Kind), long> _byDay = [];
    private readonly Dictionary<(DateTime Hour, short Kind), (long Events, long Unattributed)> _byKind = [];
    private readonly Dictionary<IpAddress128, (DateTime First, DateTime Last, long Attacks, long Successes)> _summary = [];

    private readonly DateTime _hourlySince;

    public BatchRollups(IReadOnlyList<MailEvent> events, DateTimeOffset hourlySince)
    {
        _hourlySince = hourlySince.UtcDateTime;
        foreach (var e in events)
            Add(e);
    }

    private void Add(MailEvent e)
    {
        var t = e.Time.UtcDateTime;
        var hour = new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc);
        var kind = (short)e.Kind;
        var k = _byKind.GetValueOrDefault((hour, kind));
        _byKind[(hour, kind)] = (k.Events + 1, k.Unattributed + (e.ClientIp is null ? 1 : 0));
        if (e.ClientIp is not { } ip)
            return;
        if (hour >= _hourlySince)
            _byIp[(hour, ip, kind)] = _byIp.GetValueOrDefault((hour, ip, kind)) + 1;
        var day = DateOnly.FromDateTime(t);
        _byDay[(day, ip, kind)] = _byDay.GetValueOrDefault((day, ip, kind)) + 1;
        var s = _summary.TryGetValue(ip, out var old) ? old : (t, t, 0L, 0L);
        _summary[ip] = (t < s.Item1 ? t : s.Item1, t > s.Item2 ? t : s.Item2,
            s.Item3 + (e.Kind.IsAttack() ? 1 : 0), s.Item4 + (e.Kind.IsSuccess() ? 1 : 0));
    }

    /// <summary>Upserts in key order, so that concurrent writers lock shared rollup rows in the same order and never deadlock.</summary>
    public async Task UpsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        var byIp = _byIp.OrderBy(r => r.Key.Hour).ThenBy(r => r.Key.Ip).ThenBy(r => r.Key.Kind).ToList();
        var byDay = _byDay.OrderBy(r => r.Key.Day).ThenBy(r => r.Key.Ip).ThenBy(r => r.Key.Kind).ToList();
        var byKind = _byKind.OrderBy(r => r.Key.Hour).ThenBy(r => r.Key.Kind).ToList();
        var summary = _summary.OrderBy(r => r.Key).ToList();
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO hourly_ip_kind (hour, ip, kind, events) SELECT * FROM unnest(@h, @ip, @k, @n)
            ON CONFLICT (hour, ip, kind) DO UPDATE SET events = hourly_ip_kind.events + excluded.events
            """, conn, tx))
        {
            Param(cmd, "h", NpgsqlDbType.TimestampTz, byIp.Select(r => r.Key.Hour).ToArray());
            Param(cmd, "ip", NpgsqlDbType.Inet, byIp.Select(r => r.Key.Ip.ToIPAddress()).ToArray());
            Param(cmd, "k", NpgsqlDbType.Smallint, byIp.Select(r => r.Key.Kind).ToArray());
            Param(cmd, "n", NpgsqlDbType.Bigint, byIp.Select(r => r.Value).ToArray());
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO daily_ip_kind (day, ip, kind, events) SELECT * FROM unnest(@d, @ip, @k, @n)
            ON CONFLICT (day, ip, kind) DO UPDATE SET events = daily_ip_kind.events + excluded.events
            """, conn, tx))
        {
            Param(cmd, "d", NpgsqlDbType.Date, byDay.Select(r => r.Key.Day).ToArray());
            Param(cmd, "ip", NpgsqlDbType.Inet, byDay.Select(r => r.Key.Ip.ToIPAddress()).ToArray());
            Param(cmd, "k", NpgsqlDbType.Smallint, byDay.Select(r => r.Key.Kind).ToArray());
            Param(cmd, "n", NpgsqlDbType.Bigint, byDay.Select(r => r.Value).ToArray());
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO hourly_kind (hour, kind, events, unattributed) SELECT * FROM unnest(@h, @k, @n, @u)
            ON CONFLICT (hour, kind) DO UPDATE SET events = hourly_kind.events + excluded.events,
                unattributed = hourly_kind.unattributed + excluded.unattributed
            """, conn, tx))
        {
            Param(cmd, "h", NpgsqlDbType.TimestampTz, byKind.Select(r => r.Key.Hour).ToArray());
            Param(cmd, "k", NpgsqlDbType.Smallint, byKind.Select(r => r.Key.Kind).ToArray());
            Param(cmd, "n", NpgsqlDbType.Bigint, byKind.Select(r => r.Value.Events).ToArray());
            Param(cmd, "u", NpgsqlDbType.Bigint, byKind.Select(r => r.Value.Unattributed).ToArray());
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await using (var cmd = new NpgsqlCommand($"""
            INSERT INTO ip_summary (ip, first_seen, last_seen, attack_events, success_events, local)
            SELECT u.*, {LocalSql.IsLocal("u.ip")} FROM unnest(@ip, @f, @l, @a, @s) AS u(ip, f, l, a, s)
            ON CONFLICT (ip) DO UPDATE SET first_seen = LEAST(ip_summary.first_seen, excluded.first_seen),
                last_seen = GREATEST(ip_summary.last_seen, excluded.last_seen),
                attack_events = ip_summary.attack_events + excluded.attack_events,
                success_events = ip_summary.success_events + excluded.success_events
            """, conn, tx))
        {
            Param(cmd, "ip", NpgsqlDbType.Inet, summary.Select(r => r.Key.ToIPAddress()).ToArray());
            Param(cmd, "f", NpgsqlDbType.TimestampTz, summary.Select(r => r.Value.First).ToArray());
            Param(cmd, "l", NpgsqlDbType.TimestampTz, summary.Select(r => r.Value.Last).ToArray());
            Param(cmd, "a", NpgsqlDbType.Bigint, summary.Select(r => r.Value.Attacks).ToArray());
            Param(cmd, "s", NpgsqlDbType.Bigint, summary.Select(r => r.Value.Successes).ToArray());
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static void Param<T>(NpgsqlCommand cmd, string name, NpgsqlDbType type, T[] values) =>
        cmd.Parameters.Add(new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | type) { TypedValue = values });

}
