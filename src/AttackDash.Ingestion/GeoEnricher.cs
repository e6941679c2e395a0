using System.Net;
using AttackDash.GeoIp;
using Npgsql;
using NpgsqlTypes;

namespace AttackDash.Ingestion;

/// <summary>
/// Fills location and network into the per-IP summary, once per IP and data version: a row is looked
/// up again only when the databases on disk are newer than its answer. With no database nothing is
/// marked, so the rows are filled when one appears.
/// </summary>
public static class GeoEnricher
{
    private const int Chunk = 5000;

    /// <returns>How many IPs were looked up.</returns>
    public static async Task<long> EnrichAsync(string connectionString, IGeoLocator geo, CancellationToken ct = default)
    {
        var version = geo.DataVersion;
        if (version == DateTimeOffset.MinValue)
            return 0;
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        long done = 0;
        while (true)
        {
            var ips = await StaleAsync(conn, version, ct);
            if (ips.Count == 0)
                return done;
            var answers = ips.Select(geo.Locate).ToList();
            await UpdateAsync(conn, ips, answers, version, ct);
            done += ips.Count;
        }
    }

    private static async Task<List<IPAddress>> StaleAsync(NpgsqlConnection conn, DateTimeOffset version, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            $"SELECT ip FROM ip_summary WHERE geo_updated_at IS NULL OR geo_updated_at < @v ORDER BY ip LIMIT {Chunk}", conn);
        cmd.Parameters.Add(new NpgsqlParameter("v", NpgsqlDbType.TimestampTz) { Value = version.UtcDateTime });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var ips = new List<IPAddress>();
        while (await reader.ReadAsync(ct))
            ips.Add(reader.GetFieldValue<IPAddress>(0));
        return ips;
    }

    private static async Task UpdateAsync(NpgsqlConnection conn, List<IPAddress> ips, List<GeoInfo> geo, DateTimeOffset version, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            UPDATE ip_summary s SET country_code = u.cc, country = u.country, city = u.city, latitude = u.lat, longitude = u.lon,
                accuracy_radius_km = u.radius, asn = u.asn, as_organization = u.org, geo_updated_at = @v
            FROM unnest(@ip, @cc, @country, @city, @lat, @lon, @radius, @asn, @org) AS u(ip, cc, country, city, lat, lon, radius, asn, org)
            WHERE s.ip = u.ip
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter("v", NpgsqlDbType.TimestampTz) { Value = version.UtcDateTime });
        Add(cmd, "ip", NpgsqlDbType.Inet, ips.ToArray());
        Add(cmd, "cc", NpgsqlDbType.Text, geo.Select(g => g.CountryCode).ToArray());
        Add(cmd, "country", NpgsqlDbType.Text, geo.Select(g => g.Country).ToArray());
        Add(cmd, "city", NpgsqlDbType.Text, geo.Select(g => g.City).ToArray());
        Add(cmd, "lat", NpgsqlDbType.Double, geo.Select(g => g.Latitude).ToArray());
        Add(cmd, "lon", NpgsqlDbType.Double, geo.Select(g => g.Longitude).ToArray());
        Add(cmd, "radius", NpgsqlDbType.Integer, geo.Select(g => g.AccuracyRadiusKm).ToArray());
        Add(cmd, "asn", NpgsqlDbType.Bigint, geo.Select(g => g.Asn).ToArray());
        Add(cmd, "org", NpgsqlDbType.Text, geo.Select(g => g.AsOrganization).ToArray());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void Add<T>(NpgsqlCommand cmd, string name, NpgsqlDbType type, T[] values) =>
        cmd.Parameters.Add(new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | type) { TypedValue = values });
}
