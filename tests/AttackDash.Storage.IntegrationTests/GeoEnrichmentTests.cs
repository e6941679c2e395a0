using AttackDash.GeoIp;
using AttackDash.Ingestion;
using AttackDash.Storage.Ingest;

namespace AttackDash.Storage.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class GeoEnrichmentTests(PostgresFixture pg)
{
    [Fact]
    public async Task Every_attacker_ip_gets_country_city_coordinates_and_asn_once_per_data_version()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = Path.Combine(dir.Path, "maillog");
        await File.WriteAllLinesAsync(log, [
            "Mar  1 10:00:01 mx sm-mta[1]: [81.2.69.142]: possible SMTP attack: command=AUTH, count=5",
            "Mar  1 10:00:02 mx sm-mta[2]: [89.160.20.112]: possible SMTP attack: command=AUTH, count=5",
            "Mar  1 10:00:03 mx sm-mta[3]: [10.1.2.3]: possible SMTP attack: command=AUTH, count=5",
        ]);
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", "--year", "2025", log).Exit);

        var geoDir = Path.Combine(dir.Path, "geoip");
        Directory.CreateDirectory(geoDir);
        foreach (var f in new[] { "GeoLite2-City-Test.mmdb", "GeoLite2-ASN-Test.mmdb" })
            File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "geoip", f), Path.Combine(geoDir, f));
        using var geo = new MaxMindGeoLocator(new GeoIpOptions { Directories = [geoDir] });

        Assert.Equal(3, await GeoEnricher.EnrichAsync(new IpLocations(Store.Of(cs)), geo));
        Assert.Equal(0, await GeoEnricher.EnrichAsync(new IpLocations(Store.Of(cs)), geo));
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM ip_summary WHERE ip = '81.2.69.142' AND country_code = 'GB' AND city = 'London' AND accuracy_radius_km = 10"));
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM ip_summary WHERE ip = '89.160.20.112' AND country_code = 'SE' AND asn = 29518 AND as_organization = 'Bredband2 AB'"));
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM ip_summary WHERE ip = '10.1.2.3' AND country_code IS NULL AND geo_updated_at IS NOT NULL"));
    }

    [Fact]
    public async Task Without_any_database_nothing_is_marked_and_nothing_fails()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = Path.Combine(dir.Path, "maillog");
        await File.WriteAllLinesAsync(log, ["Mar  1 10:00:01 mx sm-mta[1]: [81.2.69.142]: possible SMTP attack: command=AUTH, count=5"]);
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", "--year", "2025", log).Exit);
        using var geo = new MaxMindGeoLocator(new GeoIpOptions { Directories = [Path.Combine(dir.Path, "none")] });
        Assert.Equal(0, await GeoEnricher.EnrichAsync(new IpLocations(Store.Of(cs)), geo));
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM ip_summary WHERE geo_updated_at IS NULL"));
    }
}
