using AttackDash.Core.Events;
using AttackDash.Storage.Ingest;
using Npgsql;

namespace AttackDash.Storage.Blocking;

/// <summary>A week's attack totals, against the week before, and its possible compromises: the facts of the weekly digest.</summary>
public sealed record DigestFacts(long Events, long Ips, long PreviousEvents, long PreviousIps, IReadOnlyList<CompromiseView> Compromises);

/// <summary>Successes (logins, accepted mail) of one kind from an IP that also attacked.</summary>
public sealed record CompromiseView(string Ip, EventKind Kind, long Events);

public interface IDigestQueries
{
    Task<DigestFacts> WeekAsync(DateOnly week, CancellationToken ct = default);
}

public sealed class DigestQueries(NpgsqlDataSource dataSource) : IDigestQueries
{
    public async Task<DigestFacts> WeekAsync(DateOnly week, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var (events, ips) = await TotalsAsync(conn, week, ct);
        var (prevEvents, prevIps) = await TotalsAsync(conn, week.AddDays(-7), ct);
        return new DigestFacts(events, ips, prevEvents, prevIps, await CompromisesAsync(conn, week, ct));
    }

    private static async Task<(long Events, long Ips)> TotalsAsync(NpgsqlConnection conn, DateOnly week, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            $"SELECT coalesce(sum(events), 0), count(DISTINCT ip) FROM daily_ip_kind WHERE day >= @f AND day < @t AND kind IN {EventKindSql.AttackKinds} AND {LocalSql.NotLocal("daily_ip_kind.ip")}", conn);
        cmd.Parameters.AddWithValue("f", week);
        cmd.Parameters.AddWithValue("t", week.AddDays(7));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return (r.GetInt64(0), r.GetInt64(1));
    }

    private static async Task<List<CompromiseView>> CompromisesAsync(NpgsqlConnection conn, DateOnly week, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            SELECT host(d.ip), d.kind, sum(d.events) FROM daily_ip_kind d JOIN ip_summary s ON s.ip = d.ip
            WHERE d.day >= @f AND d.day < @t AND d.kind IN {EventKindSql.SuccessKinds} AND s.attack_events > 0 AND NOT s.local
            GROUP BY 1, 2 ORDER BY 3 DESC
            """, conn);
        cmd.Parameters.AddWithValue("f", week);
        cmd.Parameters.AddWithValue("t", week.AddDays(7));
        var list = new List<CompromiseView>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new CompromiseView(r.GetString(0), (EventKind)r.GetInt16(1), r.GetInt64(2)));
        return list;
    }
}
