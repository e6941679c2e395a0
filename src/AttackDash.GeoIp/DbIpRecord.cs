using System.Globalization;

namespace AttackDash.GeoIp;

/// <summary>
/// The DB-IP Lite MMDB as ip-location-db packs it is not the GeoIP2 schema: a flat record of
/// country_code, state1, state2, city, postcode, latitude, longitude, timezone.
/// </summary>
internal static class DbIpRecord
{
    public static GeoInfo Apply(IReadOnlyDictionary<string, object> record, GeoInfo info) => info with
    {
        CountryCode = Text(record, "country_code"),
        City = Text(record, "city"),
        Latitude = Number(record, "latitude"),
        Longitude = Number(record, "longitude"),
    };

    private static string? Text(IReadOnlyDictionary<string, object> r, string key) =>
        r.TryGetValue(key, out var v) && v is string s && s.Length > 0 ? s : null;

    private static double? Number(IReadOnlyDictionary<string, object> r, string key) =>
        r.TryGetValue(key, out var v) ? v switch
        {
            double d => d,
            float f => f,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) => p,
            _ => null,
        } : null;
}
