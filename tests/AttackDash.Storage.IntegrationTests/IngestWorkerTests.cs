using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AttackDash.Storage.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class IngestWorkerTests(PostgresFixture pg)
{
    [Fact]
    public async Task A_host_follows_the_configured_logs_and_locates_the_new_ips()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = dir.File("mail.log");
        await File.WriteAllLinesAsync(log, ["Mar  1 10:00:01 mx sm-mta[1]: [81.2.69.142]: possible SMTP attack: command=AUTH, count=5"]);
        var geoDir = dir.File("geoip");
        Directory.CreateDirectory(geoDir);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "geoip", "GeoLite2-City-Test.mmdb"), Path.Combine(geoDir, "GeoLite2-City-Test.mmdb"));

        using var host = BuildHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:AttackDash"] = cs,
            ["Ingest:Paths:0"] = log,
            ["Ingest:FlushInterval"] = "00:00:00.2",
            ["Ingest:GeoInterval"] = "00:00:01",
            ["Ingest:TimeZone"] = "UTC",
            ["GeoIp:Directory"] = geoDir,
        });
        await host.StartAsync();
        await File.AppendAllLinesAsync(log, ["Mar  1 10:00:02 mx sm-mta[2]: [89.160.20.112]: possible SMTP attack: command=AUTH, count=5"]);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && await TestSql.ScalarAsync(cs, "SELECT count(*) FROM ip_summary WHERE country_code IS NOT NULL") < 2)
            await Task.Delay(100);
        await host.StopAsync();

        Assert.Equal(2, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events"));
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM ip_summary WHERE ip = '89.160.20.112' AND country_code = 'SE'"));
    }

    [Fact]
    public async Task A_host_follows_a_journal_named_in_its_paths_as_it_follows_a_file()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var journal = Directory.CreateDirectory(dir.File("journal")).FullName;
        var at = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
        JournalFiles.Append(journal, [new JournalFiles.Entry(at, "mx", "sm-mta", "1", "[81.2.69.142]: possible SMTP attack: command=AUTH, count=5"u8.ToArray())]);
        using var host = BuildHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:AttackDash"] = cs,
            ["Ingest:Paths:0"] = $"journal:{journal}",
            ["Ingest:FlushInterval"] = "00:00:00.2",
            ["GeoIp:Directory"] = "/nonexistent",
        });
        await host.StartAsync();
        JournalFiles.Append(journal, [new JournalFiles.Entry(at.AddSeconds(1), "mx", "sendmail", "2", "[89.160.20.112]: possible SMTP attack: command=AUTH, count=5"u8.ToArray())]);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events") < 2)
            await Task.Delay(100);
        await host.StopAsync();

        Assert.Equal(2, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events"));
        Assert.Equal(1, await TestSql.ScalarAsync(cs, $"SELECT count(*) FROM ingest_sources WHERE path = 'journal:{journal}' AND resume_line >= 0"));
    }

    [Fact]
    public async Task A_host_that_follows_no_log_still_locates_the_ips_others_stored()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = dir.File("mail.log");
        await File.WriteAllLinesAsync(log, ["Mar  1 10:00:01 mx sm-mta[1]: [81.2.69.142]: possible SMTP attack: command=AUTH, count=5"]);
        // Stored by `attackdash ingest` without GeoIP data: the demo year and imports from elsewhere look like this.
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", "--year", "2025", log).Exit);
        var geoDir = dir.File("geoip");
        Directory.CreateDirectory(geoDir);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "geoip", "GeoLite2-City-Test.mmdb"), Path.Combine(geoDir, "GeoLite2-City-Test.mmdb"));

        using var host = BuildHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:AttackDash"] = cs,
            ["Ingest:GeoInterval"] = "00:00:01",
            ["GeoIp:Directory"] = geoDir,
        });
        await host.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && await TestSql.ScalarAsync(cs, "SELECT count(*) FROM ip_summary WHERE country_code IS NOT NULL") < 1)
            await Task.Delay(100);
        await host.StopAsync();
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM ip_summary WHERE ip = '81.2.69.142' AND country_code = 'GB'"));
    }

    [Fact]
    public async Task A_wrong_ingest_setting_stops_the_host_at_start_with_its_name()
    {
        using var host = BuildHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:AttackDash"] = pg.ServerConnectionString,
            ["Ingest:BatchSize"] = "5",
        });
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("BatchSize", e.Message, StringComparison.Ordinal);
    }

    private static IHost BuildHost(Dictionary<string, string?> settings) => TestHosts.Build(settings);
}
