using System.Globalization;
using System.Net;
using System.Text.Json;
using AttackDash.Core.Analysis;
using AttackDash.Core.Blocking;
using AttackDash.Core.Net;
using AttackDash.Storage.Blocking;
using AttackDash.Storage.Queries;

namespace AttackDash.Storage.IntegrationTests;

/// <summary>The dashboard's answers from the store must be the answers <c>analyze</c> and <c>backtest</c> give on the log itself.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DashboardQueryTests(PostgresFixture pg)
{
    [Fact]
    public async Task Campaigns_and_the_backtest_from_the_store_match_analyze_and_backtest_on_the_log()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = TestCli.Generate(dir.Path, 40_000, seed: 5, days: 21);
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", log).Exit);

        var analyze = TestCli.Run(cs, "analyze", "--json", "--all", "--tz", "UTC", log);
        var expected = JsonDocument.Parse(analyze.Stdout).RootElement.GetProperty("campaigns").EnumerateArray()
            .Select(c => (c.GetProperty("username").GetString()!, c.GetProperty("first").GetDateTimeOffset(), c.GetProperty("ips").GetInt64(), c.GetProperty("attempts").GetInt64()))
            .OrderBy(c => c.Item2).ThenBy(c => c.Item1, StringComparer.Ordinal).ToList();
        var found = await new CampaignQueries(Store.Of(cs)).FindAsync(DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddYears(1), TimeSpan.FromMinutes(10), 5);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, found.Select(c => (c.Username, c.First, (long)c.Ips.Count, c.Attempts)).OrderBy(c => c.First).ThenBy(c => c.Username, StringComparer.Ordinal));

        var cli = JsonDocument.Parse(TestCli.Run(cs, "backtest", "--json", "--tz", "UTC", log).Stdout).RootElement.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("policy").GetString()!, r.GetProperty("stopped").GetInt64(), r.GetProperty("attackEvents").GetInt64(), r.GetProperty("maxEntries").GetInt32(),
                r.GetProperty("collateralMessages").GetInt64(), r.GetProperty("collateralLogins").GetInt64())).ToList();
        var store = await new BacktestQueries(Store.Of(cs)).RunAsync(BlockPolicy.Defaults);
        Assert.Equal(cli, store.Select(r => (r.Policy, r.Stopped, r.AttackEvents, r.MaxEntries, r.CollateralMessages, r.CollateralLogins)));
    }

    [Fact]
    public async Task Query_timings_times_every_page_of_the_dashboard()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", TestCli.Generate(dir.Path, 5_000, seed: 2, days: 10)).Exit);

        var (exit, stdout, stderr) = TestCli.Run(cs, "query-timings", "--runs", "1", "--pages");

        Assert.True(exit == 0, stderr);
        foreach (var page in new[] { "overview (7 d)", "overview (24 h)", "offenders", "timeline", "geography", "campaigns", "IP detail", "review", "blocks + audit", "backtest" })
            Assert.Contains("page: " + page, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rolling_24_hours_counts_exactly_the_raw_events_of_those_hours_and_whole_days_those_of_the_days()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", TestCli.Generate(dir.Path, 20_000, seed: 9, days: 10)).Exit);
        var attacks = $"kind IN {Ingest.EventKindSql.AttackKinds} AND client_ip IS NOT NULL";
        var q = new DashboardQueries(Store.Of(cs));

        var hours = new RollupPeriod(new DateTimeOffset(2024, 12, 4, 5, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 12, 5, 5, 0, 0, TimeSpan.Zero));
        var days = RollupPeriod.Days(new DateOnly(2024, 12, 3), new DateOnly(2024, 12, 6));

        Assert.False(hours.Daily);
        Assert.True(days.Daily);
        foreach (var p in new[] { hours, days })
        {
            var summary = await q.PeriodSummaryAsync(p);
            var range = $"time >= '{p.From:O}' AND time < '{p.To:O}'";
            Assert.Equal(await TestSql.ScalarAsync(cs, $"SELECT count(*) FROM events WHERE {range} AND {attacks}"), summary.Events);
            Assert.Equal(await TestSql.ScalarAsync(cs, $"SELECT count(DISTINCT client_ip) FROM events WHERE {range} AND {attacks}"), summary.Ips);
            var previous = $"time >= '{p.Previous.From:O}' AND time < '{p.From:O}'";
            Assert.Equal(await TestSql.ScalarAsync(cs, $"SELECT count(*) FROM events WHERE {previous} AND {attacks}"), summary.PreviousEvents);
            Assert.Equal(summary.Events, (await q.TopOffendersAsync(p, 100_000)).Sum(o => o.Events));
        }
    }

    [Fact]
    public async Task A_proposal_is_refused_on_the_allowlist_shows_its_collateral_and_is_approved_or_rejected_with_an_audit_record()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = dir.File("maillog");
        var day = DateTime.UtcNow.Date.AddDays(-1);
        string Line(int i, string message) => string.Create(CultureInfo.InvariantCulture, $"{day.AddMinutes(i):yyyy-MM-dd'T'HH:mm:ss}Z mx sm-mta[{100 + i}]: {message}");
        await File.WriteAllLinesAsync(log,
        [
            .. Enumerable.Range(0, 30).Select(i => Line(i, "[62.233.50.7]: possible SMTP attack: command=AUTH, count=5")),
            .. Enumerable.Range(30, 4).Select(i => Line(i, $"5635A0aa0001{i:D2}: from=<a@b.example>, size=10, class=0, nrcpts=1, proto=ESMTP, daemon=MTA, relay=mail.partner.example [62.233.50.80]")),
        ]);
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", log).Exit);
        var blocks = new BlockingService(Store.Of(cs));
        await blocks.AllowAsync(Cidr.Parse("45.155.205.0/24"), "alice", "our MX");

        await Assert.ThrowsAsync<BlockRefusedException>(() => blocks.ProposeAsync(Cidr.Parse("45.155.205.9/32"), "x", "bob"));
        var net = await blocks.ProposeAsync(Cidr.Parse("62.233.50.0/24"), "proposed from the offenders table", "bob");
        var host = await blocks.ProposeAsync(Cidr.Parse("62.233.50.7/32"), "proposed from the offenders table", "bob");
        await Assert.ThrowsAsync<BlockRefusedException>(() => blocks.ProposeAsync(Cidr.Parse("62.233.50.7/32"), "again", "bob"));
        Assert.Empty(await blocks.ActiveNetworksAsync());

        Assert.Equal(new Collateral(30, 1, 4, 0, 1), await new IpQueries(Store.Of(cs)).CollateralAsync(net.Network));
        await blocks.RejectAsync(net.Id, "alice");
        var active = await blocks.ApproveAsync(host.Id, "alice");
        Assert.Equal(BlockState.Active, active.State);
        Assert.NotNull(active.ExpiresAt);
        Assert.Equal([Cidr.Parse("62.233.50.7/32")], await blocks.ActiveNetworksAsync());
        await Assert.ThrowsAsync<BlockRefusedException>(() => blocks.ApproveAsync(net.Id, "alice"));
        Assert.Equal(["allow", "propose", "propose", "reject", "approve"], (await blocks.AuditAsync(0, 10)).Rows.Select(a => a.Action).Reverse());
        Assert.Equal("62.233.50.7/32", (await new IpQueries(Store.Of(cs)).BlocksAsync(IPAddress.Parse("62.233.50.7"))).First().Network.ToString());
    }

    [Fact]
    public async Task The_IP_pages_sample_and_log_line_pages_are_those_of_the_IPs_raw_events()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", TestCli.Generate(dir.Path, 20_000, seed: 4, days: 10)).Exit);
        var ips = await RowsAsync(cs, $"""
            (SELECT host(client_ip) FROM events WHERE client_ip IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2)
            UNION (SELECT host(client_ip) FROM events WHERE kind = {(int)Core.Events.EventKind.UserUnknown} AND client_ip IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)
            """);
        var q = new IpQueries(Store.Of(cs));
        var recipients = 0;
        foreach (var ip in ips)
        {
            // Every IP here has far fewer events than the sample, so the sample is all of them.
            var sample = await q.SampleAsync(IPAddress.Parse(ip), 25);
            var of = $"FROM events WHERE client_ip = '{ip}'";
            Assert.Equal(await RowsAsync(cs, $"SELECT username || '|' || count(*) {of} AND username IS NOT NULL GROUP BY username ORDER BY count(*) DESC, username LIMIT 25"),
                sample.Usernames.Select(n => $"{n.Name}|{n.Events}"));
            Assert.Equal(await RowsAsync(cs, $"SELECT argument || '|' || count(*) {of} AND kind = {(int)Core.Events.EventKind.UserUnknown} AND argument IS NOT NULL GROUP BY argument ORDER BY count(*) DESC, argument LIMIT 25"),
                sample.Recipients.Select(n => $"{n.Name}|{n.Events}"));
            recipients += sample.Recipients.Count;
            Assert.Equal(await RowsAsync(cs, $"SELECT client_host || '|' || count(*) || '|' || count(*) FILTER (WHERE may_be_forged) {of} AND client_host IS NOT NULL GROUP BY client_host ORDER BY count(*) DESC, client_host LIMIT 20"),
                sample.Hostnames.Select(h => $"{h.Name}|{h.Lines}|{h.MayBeForged}"));
            Assert.Equal(await RowsAsync(cs, $"SELECT to_char(time, 'YYYY-MM-DD HH24:MI:SS') || detail {of} ORDER BY time DESC, source_id, line_number LIMIT 20 OFFSET 20"),
                (await q.LinesAsync(IPAddress.Parse(ip), 1, 20)).Select(l => l.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + l.Text));
        }
        Assert.True(recipients > 0);
    }

    private static async Task<List<string>> RowsAsync(string connectionString, string sql)
    {
        await using var conn = new Npgsql.NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }
}
