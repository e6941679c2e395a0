using System.Globalization;
using AttackDash.Core.Events;
using Npgsql;

namespace AttackDash.Storage.Ingest;

/// <summary>
/// The careful path for a batch some of whose lines may be stored already: COPY into a temporary
/// table, then insert the rows not yet in events, and count only those in the rollups and the
/// per-IP summary (per-IP hours from <c>hourlySince</c> on). Events has no key to conflict on; the batch's own time span bounds the lookup,
/// which the BRIN index on time then keeps to a few pages. The caller holds the source row's lock,
/// so nobody else can be writing these lines meanwhile.
/// </summary>
internal static class BatchMerge
{
    /// <returns>How many of the events were new.</returns>
    public static async Task<long> InsertNewAsync(NpgsqlConnection conn, NpgsqlTransaction tx, int sourceId, IReadOnlyList<MailEvent> events, DateTimeOffset hourlySince, CancellationToken ct)
    {
        if (events.Count == 0)
            return 0;
        await using (var temp = new NpgsqlCommand("CREATE TEMP TABLE IF NOT EXISTS batch_events (LIKE events) ON COMMIT DELETE ROWS", conn, tx))
            await temp.ExecuteNonQueryAsync(ct);
        await EventCopy.CopyAsync(conn, "batch_events", sourceId, events, ct);
        await using var merge = new NpgsqlCommand(Sql, conn, tx);
        merge.Parameters.AddWithValue("from", events.Min(e => e.Time).UtcDateTime);
        merge.Parameters.AddWithValue("to", events.Max(e => e.Time).UtcDateTime);
        merge.Parameters.AddWithValue("hourly", hourlySince.UtcDateTime);
        return Convert.ToInt64(await merge.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static readonly string Sql = $"""
        WITH ins AS (
            INSERT INTO events SELECT * FROM batch_events b WHERE NOT EXISTS (
                SELECT 1 FROM events e WHERE e.time BETWEEN @from AND @to
                    AND e.source_id = b.source_id AND e.line_number = b.line_number AND e.time = b.time)
            RETURNING time, kind, client_ip),
        by_ip AS (
            INSERT INTO hourly_ip_kind (hour, ip, kind, events)
            SELECT date_trunc('hour', time), client_ip, kind, count(*) FROM ins WHERE client_ip IS NOT NULL AND time >= @hourly GROUP BY 1, 2, 3
            ON CONFLICT (hour, ip, kind) DO UPDATE SET events = hourly_ip_kind.events + excluded.events),
        by_day AS (
            INSERT INTO daily_ip_kind (day, ip, kind, events)
            SELECT (time AT TIME ZONE 'UTC')::date, client_ip, kind, count(*) FROM ins WHERE client_ip IS NOT NULL GROUP BY 1, 2, 3
            ON CONFLICT (day, ip, kind) DO UPDATE SET events = daily_ip_kind.events + excluded.events),
        by_kind AS (
            INSERT INTO hourly_kind (hour, kind, events, unattributed)
            SELECT date_trunc('hour', time), kind, count(*), count(*) FILTER (WHERE client_ip IS NULL) FROM ins GROUP BY 1, 2
            ON CONFLICT (hour, kind) DO UPDATE SET events = hourly_kind.events + excluded.events,
                unattributed = hourly_kind.unattributed + excluded.unattributed),
        summary AS (
            INSERT INTO ip_summary (ip, first_seen, last_seen, attack_events, success_events, local)
            SELECT client_ip, min(time), max(time),
                   count(*) FILTER (WHERE kind IN {EventKindSql.AttackKinds}), count(*) FILTER (WHERE kind IN {EventKindSql.SuccessKinds}),
                   {LocalSql.IsLocal("client_ip")}
            FROM ins WHERE client_ip IS NOT NULL GROUP BY client_ip
            ON CONFLICT (ip) DO UPDATE SET first_seen = LEAST(ip_summary.first_seen, excluded.first_seen),
                last_seen = GREATEST(ip_summary.last_seen, excluded.last_seen),
                attack_events = ip_summary.attack_events + excluded.attack_events,
                success_events = ip_summary.success_events + excluded.success_events)
        SELECT count(*) FROM ins
        """;
}
