using System.Net;

namespace AttackDash.GeoIp.Tests;

/// <summary>The expected answers come from the test data's README (checked against MaxMind's source JSON).</summary>
public sealed class MaxMindGeoLocatorTests : IDisposable
{
    private readonly TempDir _temp = new();

    private string Dir => _temp.Path;

    private static string Data(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", "geoip", file);

    private MaxMindGeoLocator With(params string[] files)
    {
        foreach (var f in files)
            File.Copy(Data(f), Path.Combine(Dir, f), overwrite: true);
        return new MaxMindGeoLocator(new GeoIpOptions { Directories = [Dir] });
    }

    [Theory]
    [InlineData("81.2.69.142", "GB", "London", 51.5142, -0.0931, 10)]
    [InlineData("89.160.20.112", "SE", "Linköping", 58.4167, 15.6167, 76)]
    [InlineData("216.160.83.56", "US", "Milton", 47.2513, -122.3149, 22)]
    [InlineData("2001:480:10::1", "US", "San Diego", 32.7203, -117.1552, 50)]
    [InlineData("::ffff:81.2.69.160", "GB", "London", 51.5142, -0.0931, 100)]
    public void City_database_gives_country_city_coordinates_and_accuracy(string ip, string country, string city, double lat, double lon, int radius)
    {
        using var geo = With("GeoLite2-City-Test.mmdb");
        var info = geo.Locate(IPAddress.Parse(ip));
        Assert.Equal(country, info.CountryCode);
        Assert.Equal(city, info.City);
        Assert.Equal(lat, info.Latitude!.Value, 4);
        Assert.Equal(lon, info.Longitude!.Value, 4);
        Assert.Equal(radius, info.AccuracyRadiusKm);
    }

    [Theory]
    [InlineData("89.160.20.112", 29518, "Bredband2 AB")]
    [InlineData("1.128.0.1", 1221, "Telstra Pty Ltd")]
    [InlineData("2600:6000::1", 237, "Merit Network Inc.")]
    [InlineData("216.160.83.56", 209, null)]
    public void Asn_database_gives_the_network_and_its_organisation(string ip, long asn, string? org)
    {
        using var geo = With("GeoLite2-City-Test.mmdb", "GeoLite2-ASN-Test.mmdb");
        var info = geo.Locate(IPAddress.Parse(ip));
        Assert.Equal(asn, info.Asn);
        Assert.Equal(org, info.AsOrganization);
    }

    [Fact]
    public void A_country_database_alone_still_gives_the_country()
    {
        using var geo = With("GeoIP2-Country-Test.mmdb");
        var info = geo.Locate(IPAddress.Parse("175.16.199.0"));
        Assert.Equal("CN", info.CountryCode);
        Assert.Null(info.City);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("10.0.0.1")]
    [InlineData("127.0.0.1")]
    public void Addresses_not_in_the_data_are_unknown_not_errors(string ip)
    {
        using var geo = With("GeoLite2-City-Test.mmdb", "GeoLite2-ASN-Test.mmdb", "GeoIP2-Anonymous-IP-Test.mmdb");
        Assert.True(geo.Locate(IPAddress.Parse(ip)).IsUnknown);
    }

    [Fact]
    public void No_database_at_all_means_unknown()
    {
        using var geo = new MaxMindGeoLocator(new GeoIpOptions { Directories = ["/nonexistent/geoip"] });
        Assert.True(geo.Locate(IPAddress.Parse("81.2.69.142")).IsUnknown);
        Assert.Empty(geo.Credits);
    }

    [Fact]
    public void A_database_that_appears_on_disk_is_used_without_a_restart()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var geo = new MaxMindGeoLocator(new GeoIpOptions { Directories = [Dir], ReloadCheckInterval = TimeSpan.FromSeconds(30) }, clock);
        var ip = IPAddress.Parse("81.2.69.142");
        Assert.True(geo.Locate(ip).IsUnknown);
        File.Copy(Data("GeoLite2-City-Test.mmdb"), Path.Combine(Dir, "GeoLite2-City.mmdb"));
        Assert.True(geo.Locate(ip).IsUnknown, "not checked again before the interval");
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal("GB", geo.Locate(ip).CountryCode);
    }

    [Fact]
    public void A_damaged_file_is_skipped()
    {
        File.WriteAllBytes(Path.Combine(Dir, "GeoLite2-City.mmdb"), [1, 2, 3, 4, 5]);
        using var geo = With("GeoLite2-ASN-Test.mmdb");
        Assert.Equal(1221, geo.Locate(IPAddress.Parse("1.128.0.1")).Asn);
    }

    [Fact]
    public void A_dbip_record_maps_country_city_and_coordinates()
    {
        var record = new Dictionary<string, object>
        {
            ["country_code"] = "DE", ["state1"] = "Berlin", ["city"] = "Berlin", ["latitude"] = 52.52f, ["longitude"] = 13.405f, ["timezone"] = "Europe/Berlin",
        };
        var info = DbIpRecord.Apply(record, GeoInfo.Unknown);
        Assert.Equal("DE", info.CountryCode);
        Assert.Equal("Berlin", info.City);
        Assert.Equal(52.52, info.Latitude!.Value, 2);
        Assert.Null(info.AccuracyRadiusKm);
    }

    public void Dispose() => _temp.Dispose();
}
