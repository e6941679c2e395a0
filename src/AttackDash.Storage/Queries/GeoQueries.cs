namespace AttackDash.Storage.Queries;

/// <summary>Attacker IPs located at one place (coordinates rounded to a degree), with their events.</summary>
public sealed record MapPoint(double Latitude, double Longitude, long Ips, long Events, string? Country);

/// <summary>The world map: where the period's attackers are, grouped to one-degree cells so that a year stays a few hundred points.</summary>
public sealed class GeoQueries(string connectionString)
{
    public Task<List<MapPoint>> MapPointsAsync(DateOnly from, DateOnly to, CancellationToken ct = default) =>
        Sql.ListAsync(connectionString, $"""
            SELECT round(s.latitude::numeric)::float8, round(s.longitude::numeric)::float8, count(DISTINCT d.ip), sum(d.events)::bigint, max(s.country)
            FROM daily_ip_kind d JOIN ip_summary s ON s.ip = d.ip
            WHERE d.day >= @from AND d.day < @to AND d.kind IN {Ingest.EventKindSql.AttackKinds} AND s.latitude IS NOT NULL
            GROUP BY 1, 2 ORDER BY 4 DESC LIMIT 2000
            """, Sql.Days(from, to), r => new MapPoint(r.GetDouble(0), r.GetDouble(1), r.GetInt64(2), r.GetInt64(3), r.Text(4)), ct);
}
