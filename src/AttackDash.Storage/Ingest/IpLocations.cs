using System.Net;
using Npgsql;
using NpgsqlTypes;

namespace AttackDash.Storage.Ingest;

/// <summary>Where an address is and which network announces it, as the per-IP summary stores it.</summary>
public sealed record IpLocation(string? CountryCode, string? Country, string? City, double? Latitude, double? Longitude, int? AccuracyRadiusKm, long? Asn, string? AsOrganization);

/// <summary>The location columns of the per-IP summary: which rows are older than the data on disk, and their new answers.</summary>
public sealed class IpLocations(NpgsqlDataSource dataSource)
{
    /// <summary>Up to <paramref name="limit"/> IPs never located, or located with data older than <paramref name="version"/>.</summary>
    public async Task<List<IPAddress>> StaleAsync(DateTimeOffset version, int limit, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT ip FROM ip_summary WHERE geo_updated_at IS NULL OR geo_updated_at < @v ORDER BY ip LIMIT @limit");
        cmd.Parameters.Add(new NpgsqlParameter("v", NpgsqlDbType.TimestampTz) { Value = version.UtcDateTime });
        cmd.Parameters.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = limit });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var ips = new List<IPAddress>();
        while (await reader.ReadAsync(ct))
            ips.Add(reader.GetFieldValue<IPAddress>(0));
        return ips;
    }

    /// <summary>Stores the answers for <paramref name="ips"/> (same order), marked with the data's <paramref name="version"/>.</summary>
    public async Task UpdateAsync(IReadOnlyList<IPAddress> ips, IReadOnlyList<IpLocation> answers, DateTimeOffset version, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE ip_summary s SET country_code = u.cc, country = u.country, city = u.city, latitude = u.lat, longitude = u.lon,
                accuracy_radius_km = u.radius, asn = u.asn, as_organization = u.org, geo_updated_at = @v
            FROM unnest(@ip, @cc, @country, @city, @lat, @lon, @radius, @asn, @org) AS u(ip, cc, country, city, lat, lon, radius, asn, org)
            WHERE s.ip = u.ip
            """);
        cmd.Parameters.Add(new NpgsqlParameter("v", NpgsqlDbType.TimestampTz) { Value = version.UtcDateTime });
        Add(cmd, "ip", NpgsqlDbType.Inet, ips.ToArray());
        Add(cmd, "cc", NpgsqlDbType.Text, answers.Select(g => g.CountryCode).ToArray());
        Add(cmd, "country", NpgsqlDbType.Text, answers.Select(g => g.Country).ToArray());
        Add(cmd, "city", NpgsqlDbType.Text, answers.Select(g => g.City).ToArray());
        Add(cmd, "lat", NpgsqlDbType.Double, answers.Select(g => g.Latitude).ToArray());
        Add(cmd, "lon", NpgsqlDbType.Double, answers.Select(g => g.Longitude).ToArray());
        Add(cmd, "radius", NpgsqlDbType.Integer, answers.Select(g => g.AccuracyRadiusKm).ToArray());
        Add(cmd, "asn", NpgsqlDbType.Bigint, answers.Select(g => g.Asn).ToArray());
        Add(cmd, "org", NpgsqlDbType.Text, answers.Select(g => g.AsOrganization).ToArray());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void Add<T>(NpgsqlCommand cmd, string name, NpgsqlDbType type, T[] values) =>
        cmd.Parameters.Add(new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | type) { TypedValue = values });
}
