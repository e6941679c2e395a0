using System.Net;
using AttackDash.Core.Net;
using AttackDash.Storage.Ingest;
using Npgsql;
using NpgsqlTypes;

namespace AttackDash.Storage.Blocking;

/// <summary>A network a live policy would block now: the heaviest IP in it over the bar, and its attack events in the window.</summary>
public sealed record LiveCandidate(Cidr Network, IPAddress Ip, long Events, int Ips);

/// <summary>
/// The clients over a policy's bar right now, for the live proposals. Windows up to a day count raw
/// events to the second; longer ones count the daily rollup from the UTC day the window starts in.
/// Networks already proposed or blocked, or rejected in the last week, and local clients are left out,
/// so that a proposal an admin turned down is not made again at the next look.
/// </summary>
public sealed class LiveCandidates(NpgsqlDataSource dataSource)
{
    public async Task<List<LiveCandidate>> OverAsync(TimeSpan window, long minEvents, int prefixV4, int prefixV6, DateTimeOffset now, CancellationToken ct = default)
    {
        // Both end at now, so that a look at a past instant sees what a live look then saw; the daily
        // rollup's days run from the one the window starts in to the one now falls in (the day before,
        // at midnight: the backtest's week then ends where its decision is made).
        var counts = window <= TimeSpan.FromDays(1)
            ? $"SELECT client_ip AS ip, count(*) AS n FROM events WHERE time >= @since AND time < @now AND kind IN {EventKindSql.AttackKinds} AND client_ip IS NOT NULL GROUP BY client_ip HAVING count(*) >= @min"
            : $"""
              SELECT ip, sum(events) AS n FROM daily_ip_kind
              WHERE day >= (@since AT TIME ZONE 'UTC')::date AND day < ((@now AT TIME ZONE 'UTC') - interval '1 microsecond')::date + 1
                AND kind IN {EventKindSql.AttackKinds} GROUP BY ip HAVING sum(events) >= @min
              """;
        var sql = $"""
            WITH o AS ({counts}),
            n AS (SELECT network(set_masklen(o.ip, CASE WHEN family(o.ip) = 4 THEN @v4 ELSE @v6 END)) AS net, o.ip, o.n FROM o
                  WHERE {LocalSql.NotLocal("o.ip")})
            SELECT DISTINCT ON (n.net) n.net::text, n.ip, n.n, count(*) OVER (PARTITION BY n.net)::int FROM n
            WHERE NOT EXISTS (SELECT 1 FROM blocks b WHERE b.network = n.net::text
                              AND (b.state IN ('Proposed', 'Active') OR (b.state = 'Rejected' AND b.decided_at > @now - interval '7 days')))
            ORDER BY n.net, n.n DESC, n.ip LIMIT 1000
            """;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.Add(new NpgsqlParameter("since", NpgsqlDbType.TimestampTz) { Value = now - window });
        cmd.Parameters.Add(new NpgsqlParameter("min", NpgsqlDbType.Bigint) { Value = minEvents });
        cmd.Parameters.Add(new NpgsqlParameter("v4", NpgsqlDbType.Integer) { Value = prefixV4 });
        cmd.Parameters.Add(new NpgsqlParameter("v6", NpgsqlDbType.Integer) { Value = prefixV6 });
        cmd.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now });
        var rows = new List<LiveCandidate>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add(new LiveCandidate(Cidr.Parse(r.GetString(0)), r.GetFieldValue<IPAddress>(1), r.GetInt64(2), r.GetInt32(3)));
        return rows;
    }
}
