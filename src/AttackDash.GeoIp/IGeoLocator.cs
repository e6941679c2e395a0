using System.Net;

namespace AttackDash.GeoIp;

/// <summary>Looks up an IP's location and network.</summary>
/// <remarks>
/// Never throws: an address not in the data, a missing or unreadable database and a private address
/// all give <see cref="GeoInfo.Unknown"/> (or the parts that are known). Safe to call from many threads.
/// </remarks>
public interface IGeoLocator
{
    GeoInfo Locate(IPAddress ip);

    /// <summary>When the data last changed (the newest database file); a cached answer older than this is stale.</summary>
    DateTimeOffset DataVersion { get; }

    /// <summary>The credits that the data's licences require the UI to show, with their links; empty when none is due.</summary>
    IReadOnlyList<GeoCredit> Credits { get; }

    /// <summary>The address ranges of an ASN in the ASN range files (ip-location-db), in address order; empty without them.</summary>
    IReadOnlyList<(IPAddress First, IPAddress Last)> RangesOf(long asn) => [];
}

/// <summary>One credit line of the footer: its text and where it links.</summary>
public sealed record GeoCredit(string Text, string Url);
