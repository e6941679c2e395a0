using System.Net;
using AttackDash.GeoIp;

namespace AttackDash.Web.Tests.Pages;

/// <summary>No locations; ASN ranges as the test sets them.</summary>
public sealed partial class FakeStore : IGeoLocator
{
    public Dictionary<long, List<(IPAddress First, IPAddress Last)>> AsnRanges { get; } = [];

    public GeoInfo Locate(IPAddress ip) => GeoInfo.Unknown;

    public DateTimeOffset DataVersion => DateTimeOffset.UnixEpoch;

    public IReadOnlyList<GeoCredit> Credits => [];

    public IReadOnlyList<(IPAddress First, IPAddress Last)> RangesOf(long asn) => AsnRanges.GetValueOrDefault(asn) ?? [];
}
