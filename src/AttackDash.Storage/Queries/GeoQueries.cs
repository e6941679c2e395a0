using Npgsql;
namespace AttackDash.Storage.Queries;

/// <summary>Attacker IPs located at one place (coordinates rounded to a degree), with their events.</summary>
public sealed record MapPoint(double Latitude, double Longitude, long Ips, long Events, string? Country);

/// <summary>The world map: where the period's attackers are, grouped to one-degree cells so that a year stays a few hundred points.</summary>
public sealed class GeoQueries(NpgsqlDataSource dataSource) : IGeoQueries
{
    /// <inheritdoc/>
    public Task<List<MapPoint>> MapPointsAsync(RollupPeriod p, CancellationToken ct = default) =>
        Sql.ListAsync(dataSource, $"""
            WITH o AS ({PeriodIps.Sql(p, "s.latitude, s.longitude, s.country")})
            SELECT round(latitude::numeric)::float8, round(longitude::numeric)::float8, count(*), sum(events)::bigint, max(country)
            FROM o WHERE latitude IS NOT NULL GROUP BY 1, 2 ORDER BY 4 DESC LIMIT 2000
            """, [.. p.Parameters(), .. p.Ends()], r => new MapPoint(r.GetDouble(0), r.GetDouble(1), r.GetInt64(2), r.GetInt64(3), r.Text(4)), ct);
}
