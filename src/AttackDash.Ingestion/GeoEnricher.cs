using AttackDash.GeoIp;
using AttackDash.Storage.Ingest;

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
    public static async Task<long> EnrichAsync(IpLocations store, IGeoLocator geo, CancellationToken ct = default)
    {
        var version = geo.DataVersion;
        if (version == DateTimeOffset.MinValue)
            return 0;
        long done = 0;
        while (true)
        {
            var ips = await store.StaleAsync(version, Chunk, ct);
            if (ips.Count == 0)
                return done;
            await store.UpdateAsync(ips, [.. ips.Select(ip => Location(geo.Locate(ip)))], version, ct);
            done += ips.Count;
        }
    }

    private static IpLocation Location(GeoInfo g) =>
        new(g.CountryCode, g.Country, g.City, g.Latitude, g.Longitude, g.AccuracyRadiusKm, g.Asn, g.AsOrganization);
}
