using System.Net;

namespace AttackDash.GeoIp.Tests;

/// <summary>
/// The free ASN ranges of npm @ip-location-db/asn (RouteViews and DB-IP, CC BY 4.0). The lines below
/// are copied from its asn-ipv4-num.csv and asn-ipv6-num.csv (2.3.2026061719), with a quoted organisation.
/// </summary>
public sealed class AsnRangesTests : IDisposable
{
    private readonly TempDir _temp = new();

    private MaxMindGeoLocator Locator()
    {
        File.WriteAllLines(Path.Combine(_temp.Path, "asn-ipv4-num.csv"),
        [
            "16777216,16777471,13335,\"Cloudflare, Inc.\"",
            "16778240,16779263,38803,Gtelecom Pty Ltd",
            "16781312,16781567,2519,ARTERIA Networks Corporation",
            "not,a,line",
            "16785408,16793599,4134,\"Chinanet \"\"Backbone\"\"\"",
        ]);
        File.WriteAllLines(Path.Combine(_temp.Path, "asn-ipv6-num.csv"),
        [
            "42540488161975842760550356425300246528,42540488241204005274814694018844196863,6939,Hurricane Electric LLC",
            "42540528726795050063891204319802818560,42540528727329395276160870415022948351,2500,WIDE Project",
        ]);
        return new MaxMindGeoLocator(new GeoIpOptions { Directories = [_temp.Path] });
    }

    [Theory]
    [InlineData("1.0.0.1", 13335L, "Cloudflare, Inc.")]
    [InlineData("1.0.7.255", 38803L, "Gtelecom Pty Ltd")]
    [InlineData("1.0.40.9", 4134L, "Chinanet \"Backbone\"")]
    [InlineData("::ffff:1.0.16.7", 2519L, "ARTERIA Networks Corporation")]
    [InlineData("2001:200:1b9::1", 2500L, "WIDE Project")]
    public void An_address_inside_a_range_gets_its_asn_and_organisation(string ip, long asn, string organisation)
    {
        using var geo = Locator();
        var info = geo.Locate(IPAddress.Parse(ip));
        Assert.Equal(asn, info.Asn);
        Assert.Equal(organisation, info.AsOrganization);
    }

    [Theory]
    [InlineData("1.0.1.0")]
    [InlineData("1.0.8.0")]
    [InlineData("0.255.255.255")]
    [InlineData("2001:1::1")]
    [InlineData("2001:200:1ba::")]
    public void An_address_between_or_outside_the_ranges_has_no_asn(string ip)
    {
        using var geo = Locator();
        Assert.Null(geo.Locate(IPAddress.Parse(ip)).Asn);
    }

    [Theory]
    [InlineData(13335L, "1.0.0.0-1.0.0.255")]
    [InlineData(4134L, "1.0.32.0-1.0.63.255")]
    [InlineData(6939L, "2001::-2001:0:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData(64500L, "")]
    public void The_ranges_of_an_asn_are_what_it_announces_in_the_data(long asn, string expected)
    {
        using var geo = Locator();
        Assert.Equal(expected, string.Join(' ', geo.RangesOf(asn).Select(r => $"{r.First}-{r.Last}")));
    }

    [Fact]
    public void The_ranges_are_credited_to_routeviews_with_a_link()
    {
        using var geo = Locator();
        var credit = Assert.Single(geo.Credits);
        Assert.Contains("RouteViews", credit.Text, StringComparison.Ordinal);
        Assert.StartsWith("https://", credit.Url, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
