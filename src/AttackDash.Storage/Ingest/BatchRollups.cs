using AttackDash.Core.Events;
using AttackDash.Core.Net;
using Npgsql;
using NpgsqlTypes;

namespace AttackDash.Storage.Ingest;

/// <summary>
/// The rollup and per-IP summary increments of one batch, summed in memory and upserted with one
/// array statement per table: for a batch known to hold only new rows.
/// </summary>
internal sealed class BatchRollups
{
    private readonly Dictionary<(DateTime Hour, IpAddress128 Ip, short Kind), long> _byIp = [];
    private readonly Dictionary<(DateTime Hour, short Kind), (long Events, long Unattributed)> _byKind = [];
    private readonly Dictionary<IpAddress128, (DateTime First, DateTime Last, long Attacks, long Successes)> _summary = [];

    public BatchRollups(IReadOnlyList<MailEvent> events)
    {
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
        _byIp[(hour, ip, kind)] = _byIp.GetValueOrDefault((hour, ip, kind)) + 1;
        var s = _summary.TryGetValue(ip, out var old) ? old : (t, t, 0L, 0L);
        _summary[ip] = (t < s.Item1 ? t : s.Item1, t > s.Item2 ? t : s.Item2,
            s.Item3 + (e.Kind.IsAttack() ? 1 : 0), s.Item4 + (e.Kind.IsSuccess() ? 1 : 0));
    }

    public async Task UpsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO hourly_ip_kind (hour, ip, kind, events) SELECT * FROM unnest(@h, @ip, @k, @n)
            ON CONFLICT (hour, ip, kind) DO UPDATE SET events = hourly_ip_kind.events + excluded.events
            """, conn, tx))
        {
            Param(cmd, "h", NpgsqlDbType.TimestampTz, _byIp.Keys.Select(k => k.Hour).ToArray());
            Param(cmd, "ip", NpgsqlDbType.Inet, _byIp.Keys.Select(k => k.Ip.ToIPAddress()).ToArray());
            Param(cmd, "k", NpgsqlDbType.Smallint, _byIp.Keys.Select(k => k.Kind).ToArray());
            Param(cmd, "n", NpgsqlDbType.Bigint, _byIp.Values.ToArray());
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO hourly_kind (hour, kind, events, unattributed) SELECT * FROM unnest(@h, @k, @n, @u)
            ON CONFLICT (hour, kind) DO UPDATE SET events = hourly_kind.events + excluded.events,
                unattributed = hourly_kind.unattributed + excluded.unattributed
            """, conn, tx))
        {
            Param(cmd, "h", NpgsqlDbType.TimestampTz, _byKind.Keys.Select(k => k.Hour).ToArray());
            Param(cmd, "k", NpgsqlDbType.Smallint, _byKind.Keys.Select(k => k.Kind).ToArray());
            Param(cmd, "n", NpgsqlDbType.Bigint, _byKind.Values.Select(v => v.Events).ToArray());
            Param(cmd, "u", NpgsqlDbType.Bigint, _byKind.Values.Select(v => v.Unattributed).ToArray());
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO ip_summary (ip, first_seen, last_seen, attack_events, success_events) SELECT * FROM unnest(@ip, @f, @l, @a, @s)
            ON CONFLICT (ip) DO UPDATE SET first_seen = LEAST(ip_summary.first_seen, excluded.first_seen),
                last_seen = GREATEST(ip_summary.last_seen, excluded.last_seen),
                attack_events = ip_summary.attack_events + excluded.attack_events,
                success_events = ip_summary.success_events + excluded.success_events
            """, conn, tx))
        {
            Param(cmd, "ip", NpgsqlDbType.Inet, _summary.Keys.Select(ip => ip.ToIPAddress()).ToArray());
            Param(cmd, "f", NpgsqlDbType.TimestampTz, _summary.Values.Select(v => v.First).ToArray());
            Param(cmd, "l", NpgsqlDbType.TimestampTz, _summary.Values.Select(v => v.Last).ToArray());
            Param(cmd, "a", NpgsqlDbType.Bigint, _summary.Values.Select(v => v.Attacks).ToArray());
            Param(cmd, "s", NpgsqlDbType.Bigint, _summary.Values.Select(v => v.Successes).ToArray());
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static void Param<T>(NpgsqlCommand cmd, string name, NpgsqlDbType type, T[] values) =>
        cmd.Parameters.Add(new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | type) { TypedValue = values });

}
