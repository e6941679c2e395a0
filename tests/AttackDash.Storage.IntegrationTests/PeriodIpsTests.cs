using System.Globalization;
using AttackDash.Storage.Queries;

namespace AttackDash.Storage.IntegrationTests;

/// <summary>
/// Long periods rank and count IPs from their life in ip_summary, and only the IPs whose life crosses an
/// end of the period from the rollup (Queries/PeriodIps). Every answer must still be the raw events' own.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PeriodIpsTests(PostgresFixture pg)
{
    // 2024-12-01 .. 2025-03-31 with 2,000 attacker IPs: most live a day, a few live the whole 120 days.
    private static readonly (string From, string To)[] Periods =
    [
        ("2024-12-01", "2025-04-01"),   // every event: no IP crosses an end
        ("2024-12-20", "2025-02-20"),   // both ends inside the data
        ("2025-01-10", "2025-04-30"),   // the end after the data
        ("2024-11-01", "2025-01-05"),   // the start before the data
        ("2025-02-01", "2025-02-15"),   // short: summed from the rollup directly
    ];

    [Fact]
    public async Task Rankings_and_counts_of_long_and_short_periods_are_those_of_their_raw_events_at_a_provider_shape()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = Path.Combine(dir.Path, "maillog");
        var (exit, _, err) = CliRunner.Run("generate", "--out", log, "--lines", "40000", "--attacker-ips", "2000", "--seed", "4", "--days", "120", "--start", "2024-12-01");
        Assert.True(exit == 0, err);
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", log).Exit);
        foreach (var (from, to) in Periods)
            await AssertPeriodAsync(cs, from, to);
    }

    [Fact]
    public async Task On_the_real_published_logs_the_period_totals_are_those_of_the_raw_events()
    {
        // tests/AttackDash.Core.Tests/TestData/real-logs (see its README): real sendmail logs of 1996-2012,
        // each ingested with the year and zone its annotation gives, all into one store.
        var cs = await pg.NewDatabaseAsync();
        var root = Path.Combine(AppContext.BaseDirectory, "TestData", "real-logs");
        foreach (var expected in Directory.GetFiles(Path.Combine(root, "expected"), "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(expected));
            var r = doc.RootElement;
            var (exit, _, err) = TestCli.Run(cs, "ingest", "--year", $"{r.GetProperty("year").GetInt32()}", "--tz", r.GetProperty("tz").GetString()!,
                Path.Combine(root, r.GetProperty("file").GetString()!));
            Assert.True(exit == 0, err);
        }
        foreach (var (from, to) in new[] { ("1996-01-01", "2013-01-01"), ("2005-01-01", "2007-01-01"), ("2012-01-01", "2013-01-01") })
            await AssertPeriodAsync(cs, from, to);
    }

    private static async Task AssertPeriodAsync(string cs, string from, string to)
    {
        var p = RollupPeriod.Days(DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture));
        var q = new DashboardQueries(Store.Of(cs));
        var attacks = $"e.kind IN {Ingest.EventKindSql.AttackKinds} AND e.client_ip IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ip_summary l WHERE l.local AND l.ip = e.client_ip)";
        string Range(RollupPeriod r) => $"e.time >= '{r.From:O}' AND e.time < '{r.To:O}'";
        var perIp = $"SELECT e.client_ip AS ip, count(*) AS n FROM events e WHERE {Range(p)} AND {attacks} GROUP BY 1";

        var summary = await q.PeriodSummaryAsync(p);
        Assert.Equal(await TestSql.ScalarAsync(cs, $"SELECT count(*) FROM ({perIp}) t"), summary.Ips);
        Assert.Equal(await TestSql.ScalarAsync(cs, $"SELECT coalesce(sum(n), 0) FROM ({perIp}) t"), summary.Events);
        Assert.Equal(await TestSql.ScalarAsync(cs, $"SELECT count(DISTINCT e.client_ip) FROM events e WHERE {Range(p.Previous)} AND {attacks}"), summary.PreviousIps);
        Assert.True(summary.Ips > 0, $"{from} .. {to}");

        var top = $"SELECT host(ip), n FROM ({perIp}) t ORDER BY n DESC, ip LIMIT 25";
        Assert.Equal(await TestSql.RowsAsync(cs, top), (await q.TopOffendersAsync(p, 25)).Select(o => $"{o.Ip}|{o.Events}"));
        var (rows, total) = await q.OffendersPageAsync(new OffenderFilter(p, MinEvents: 2), OffenderSort.Events, true, 1, 20);
        Assert.Equal(await TestSql.ScalarAsync(cs, $"SELECT count(*) FROM ({perIp}) t WHERE n >= 2"), total);
        Assert.Equal(await TestSql.RowsAsync(cs, $"SELECT host(ip), n FROM ({perIp}) t WHERE n >= 2 ORDER BY n DESC, ip LIMIT 20 OFFSET 20"), rows.Select(o => $"{o.Ip}|{o.Events}"));

        // One kind: summed from the rollup whatever the period, as ip_summary counts every kind together.
        var (byKind, kindTotal) = await q.OffendersPageAsync(new OffenderFilter(p, Kind: 0), OffenderSort.Events, true, 0, 20);
        var perIpOfKind = perIp.Replace("GROUP BY 1", "AND e.kind = 0 GROUP BY 1", StringComparison.Ordinal);
        Assert.Equal(await TestSql.ScalarAsync(cs, $"SELECT count(*) FROM ({perIpOfKind}) t"), kindTotal);
        Assert.Equal(await TestSql.RowsAsync(cs, $"SELECT host(ip), n FROM ({perIpOfKind}) t ORDER BY n DESC, ip LIMIT 20"), byKind.Select(o => $"{o.Ip}|{o.Events}"));

        var returning = await TestSql.ScalarAsync(cs, $"SELECT count(*) FROM ({perIp}) t WHERE EXISTS (SELECT 1 FROM events b WHERE b.client_ip = t.ip AND b.time < '{p.From:O}')");
        Assert.Equal(new NewVsReturning(summary.Ips - returning, returning), await new OverviewQueries(Store.Of(cs)).NewVsReturningAsync(p));
        var distribution = await new TimelineQueries(Store.Of(cs)).DistributionAsync(p);
        Assert.Equal((summary.Ips, summary.Events), (distribution.Sum(b => b.Ips), distribution.Sum(b => b.Events)));
        Assert.Equal((summary.Ips, summary.Events), ((await q.OffendersByCountryAsync(p)).Sum(g => g.Ips), (await q.OffendersByAsnAsync(p)).Sum(g => g.Events)));
    }
}
