using System.Text.Json.Nodes;

namespace AttackDash.Storage.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class IngestReportTests(PostgresFixture pg)
{
    [Fact]
    public async Task Report_from_the_store_gives_the_same_numbers_as_analyze_on_the_log()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = TestCli.Generate(dir.Path, 40_000, seed: 5);
        var ingest = TestCli.Run(cs, "ingest", "--tz", "UTC", log);
        Assert.True(ingest.Exit == 0, ingest.Stderr);

        var report = JsonNode.Parse(TestCli.Run(cs, "report", "--json", "--all", "--tz", "UTC").Stdout)!.AsObject();
        var analyze = JsonNode.Parse(TestCli.Run(cs, "analyze", "--json", "--all", "--tz", "UTC", log).Stdout)!.AsObject();
        foreach (var (key, value) in analyze)
        {
            if (key == "input")
                continue;
            var stored = report[key]?.ToJsonString() ?? "null";
            var expected = value?.ToJsonString() ?? "null";
            Assert.True(JsonNode.DeepEquals(value, report[key]), $"{key} differs: {stored[..Math.Min(300, stored.Length)]} vs {expected[..Math.Min(300, expected.Length)]}");
        }
        Assert.Equal((long)analyze["input"]!["lines"]!, (long)report["input"]!["lines"]!);
        Assert.Equal((long)analyze["input"]!["malformedLines"]!, (long)report["input"]!["malformedLines"]!);
        Assert.True((long)analyze["attackEvents"]! > 10_000);
    }

    [Fact]
    public async Task Rollups_and_the_ip_summary_hold_exactly_the_stored_events()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = TestCli.Generate(dir.Path, 20_000, seed: 6);
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", "--batch", "3000", log).Exit);
        var events = await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events");
        Assert.Equal(events, await TestSql.ScalarAsync(cs, "SELECT sum(events) FROM hourly_kind"));
        Assert.Equal(await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events WHERE client_ip IS NOT NULL"),
            await TestSql.ScalarAsync(cs, "SELECT sum(events) FROM hourly_ip_kind"));
        Assert.Equal(await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events WHERE client_ip IS NOT NULL"),
            await TestSql.ScalarAsync(cs, "SELECT sum(events) FROM daily_ip_kind"));
        Assert.Equal(await TestSql.ScalarAsync(cs, "SELECT count(DISTINCT client_ip) FROM events"),
            await TestSql.ScalarAsync(cs, "SELECT count(*) FROM ip_summary"));
        Assert.True(await TestSql.ScalarAsync(cs, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'events'::regclass") >= 2,
            "events spread over two months are stored in monthly partitions");
    }

    [Fact]
    public async Task Prune_drops_only_the_months_past_the_retention_age_and_keeps_the_rollups()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = TestCli.Generate(dir.Path, 10_000, seed: 9);
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", log).Exit);
        var rollup = await TestSql.ScalarAsync(cs, "SELECT sum(events) FROM hourly_kind");
        var december = await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events WHERE time < '2025-01-01'");
        var total = await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events");
        Assert.InRange(december, 1, total - 1);

        // Keep everything from 2025-01-01 on: the December 2024 partition goes, January stays.
        var keepDays = (int)Math.Floor((DateTimeOffset.UtcNow - new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)).TotalDays);
        var (exit, stdout, _) = TestCli.Run(cs, "prune", "--keep", $"{keepDays}d");
        Assert.Equal(0, exit);
        Assert.Contains("events_2024_12", stdout, StringComparison.Ordinal);
        Assert.Equal(total - december, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events"));
        Assert.Equal(rollup, await TestSql.ScalarAsync(cs, "SELECT sum(events) FROM hourly_kind"));
    }

    [Fact]
    public async Task Report_can_be_limited_to_one_mail_host_and_a_period()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = Path.Combine(dir.Path, "maillog");
        await File.WriteAllLinesAsync(log, [
            "Mar  1 10:00:01 mx1 sm-mta[1]: [192.0.2.1]: possible SMTP attack: command=AUTH, count=5",
            "Mar  2 10:00:02 mx2 sm-mta[2]: [192.0.2.2]: possible SMTP attack: command=AUTH, count=5",
            "Mar  3 10:00:03 mx1 sm-mta[3]: [192.0.2.3]: possible SMTP attack: command=AUTH, count=5",
        ]);
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", "--year", "2025", log).Exit);
        var mx1 = JsonNode.Parse(TestCli.Run(cs, "report", "--json", "--host", "mx1").Stdout)!;
        Assert.Equal(2, (long)mx1["attackEvents"]!);
        var early = JsonNode.Parse(TestCli.Run(cs, "report", "--json", "--tz", "UTC", "--until", "2025-03-02T12:00:00Z").Stdout)!;
        Assert.Equal(["192.0.2.1", "192.0.2.2"], early["offenders"]!.AsArray().Select(o => (string)o!["ip"]!).Order());
    }
}
