using System.Net;

namespace AttackDash.Storage.Entities;

/// <summary>Everything known of one client IP: activity totals, and its location and network once looked up.</summary>
public sealed class IpSummary
{
    public required IPAddress Ip { get; set; }
    public DateTimeOffset FirstSeen { get; set; }
    public DateTimeOffset LastSeen { get; set; }
    public long AttackEvents { get; set; }
    public long SuccessEvents { get; set; }

    /// <summary>Loopback or on the allowlist: its events are shown apart and it never ranks as an offender.</summary>
    public bool Local { get; set; }
    public string? CountryCode { get; set; }
    public string? Country { get; set; }
    public string? City { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public int? AccuracyRadiusKm { get; set; }
    public long? Asn { get; set; }
    public string? AsOrganization { get; set; }
    public DateTimeOffset? GeoUpdatedAt { get; set; }
}
