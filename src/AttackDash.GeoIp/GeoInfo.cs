namespace AttackDash.GeoIp;

/// <summary>Where an IP is and whose network it is in. Every field may be unknown (null).</summary>
public sealed record GeoInfo(
    string? CountryCode,
    string? Country,
    string? City,
    double? Latitude,
    double? Longitude,
    int? AccuracyRadiusKm,
    long? Asn,
    string? AsOrganization)
{
    public static GeoInfo Unknown { get; } = new(null, null, null, null, null, null, null, null);

    public bool IsUnknown => this == Unknown;
}
