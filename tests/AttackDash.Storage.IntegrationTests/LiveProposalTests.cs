using AttackDash.Core.Blocking;
using AttackDash.Core.Net;
using AttackDash.Operations;
using AttackDash.Storage.Blocking;
using Microsoft.Extensions.Hosting;

namespace AttackDash.Storage.IntegrationTests;

/// <summary>Live policies: a client that crosses a configured bar in a followed log is proposed (or blocked) within seconds, once, through the same rules as any block.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LiveProposalTests(PostgresFixture pg)
{
    [Fact]
    public async Task A_client_crossing_a_live_policy_s_bar_is_proposed_once_and_not_again_after_a_rejection()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = dir.File("mail.log");
        var now = DateTimeOffset.UtcNow;
        await File.WriteAllLinesAsync(log,
        [
            .. Enumerable.Range(0, 2).Select(i => AttackLines.AuthFailure(now.AddMinutes(-4).AddSeconds(i), "185.220.101.7", "admin")),
            .. Enumerable.Range(0, 5).Select(i => AttackLines.AuthFailure(now.AddMinutes(-4).AddSeconds(i), "62.233.50.8", "admin")),   // allowlisted
            .. Enumerable.Range(0, 5).Select(i => AttackLines.AuthFailure(now.AddHours(-2).AddSeconds(i), "45.155.205.3", "admin")),   // outside the window
        ]);
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        var blocking = new BlockingService(Store.Of(cs));
        await blocking.AllowAsync(Cidr.Parse("62.233.50.0/24"), "admin", "our office");
        using var host = BuildHost(cs, log, "propose", "/32");
        await host.StartAsync();
        await Task.Delay(2500);
        Assert.Empty(await blocking.ListAsync([BlockState.Proposed, BlockState.Active]));

        await File.AppendAllLinesAsync(log, Enumerable.Range(0, 3).Select(i => AttackLines.AuthFailure(DateTimeOffset.UtcNow, "185.220.101.7", "root")));
        var proposal = await WaitForAsync(() => blocking.ListAsync([BlockState.Proposed]), TimeSpan.FromSeconds(30));
        await Task.Delay(2500);
        var stillOne = await blocking.ListAsync([BlockState.Proposed, BlockState.Active]);
        await blocking.RejectAsync(proposal.Id, "admin");
        await Task.Delay(2500);
        var afterReject = await blocking.ListAsync([BlockState.Proposed, BlockState.Active]);
        await host.StopAsync();

        Assert.Equal(("185.220.101.7/32", "policy:fast"), (proposal.Network.ToString(), proposal.ProposedBy));
        Assert.Equal("policy fast: 185.220.101.7 made 5 attack events in 10m", proposal.Reason);
        Assert.Single(stillOne);
        Assert.Empty(afterReject);
    }

    [Fact]
    public async Task An_auto_policy_blocks_the_24_at_once_audited_as_its_own_decision()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = dir.File("mail.log");
        var now = DateTimeOffset.UtcNow;
        await File.WriteAllLinesAsync(log, Enumerable.Range(0, 4).Select(i => AttackLines.AuthFailure(now.AddMinutes(-1).AddSeconds(i), "185.220.101.7", "admin")));
        var blocking = new BlockingService(Store.Of(cs));
        using var host = BuildHost(cs, log, "auto", "/24");
        await host.StartAsync();
        await WaitForAsync(() => blocking.ListAsync([BlockState.Active]), TimeSpan.FromSeconds(30));
        await host.StopAsync();

        Assert.Equal([Cidr.Parse("185.220.101.0/24")], await blocking.ActiveNetworksAsync());
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM audit_log WHERE action = 'block' AND actor = 'policy:fast' AND target = '185.220.101.0/24'"));
    }

    [Fact]
    public async Task A_policy_saved_from_the_backtest_page_runs_live_until_it_is_turned_off_and_each_change_is_audited()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = dir.File("mail.log");
        await File.WriteAllLinesAsync(log, Enumerable.Range(0, 4).Select(i => AttackLines.AuthFailure(DateTimeOffset.UtcNow.AddMinutes(-1).AddSeconds(i), "185.220.101.7", "admin")));
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        var policies = new PolicyService(Store.Of(cs));
        await policies.SaveAsync(new StoredPolicy("saved", 3, TimeSpan.FromHours(1), "/32", null, "off"), "admin");
        var blocking = new BlockingService(Store.Of(cs));
        using var host = BuildHost(cs, log, "off", "/32");   // the configured policy is off too
        await host.StartAsync();
        await Task.Delay(2500);
        var whileOff = await blocking.ListAsync([BlockState.Proposed]);

        await policies.SaveAsync(new StoredPolicy("saved", 3, TimeSpan.FromHours(1), "/32", null, "propose"), "admin");
        var proposal = await WaitForAsync(() => blocking.ListAsync([BlockState.Proposed]), TimeSpan.FromSeconds(30));
        await host.StopAsync();

        Assert.Empty(whileOff);
        Assert.Equal(("185.220.101.7/32", "policy:saved"), (proposal.Network.ToString(), proposal.ProposedBy));
        Assert.Equal(2, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM audit_log WHERE action = 'policy' AND target = 'saved' AND actor = 'admin'"));
        Assert.Equal("propose", (await policies.ListAsync()).Single().Mode);
    }

    [Fact]
    public async Task At_each_week_s_end_a_live_look_over_seven_days_picks_exactly_the_networks_the_backtest_blocks_then()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = Path.Combine(dir.Path, "maillog");
        var (exit, _, err) = CliRunner.Run("generate", "--out", log, "--lines", "40000", "--attacker-ips", "1500", "--seed", "6", "--days", "42", "--start", "2024-12-02");
        Assert.True(exit == 0, err);
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", log).Exit);
        // A week's window and a week's ban: the entries of week k are exactly the networks over the bar in week k - 1.
        foreach (var (min, v4, v6) in new[] { (10, 32, 128), (3, 24, 64) })
        {
            var policy = new Core.Analysis.BlockPolicy("weekly", min, 7, v4, v6, TimeSpan.FromDays(7));
            var weeks = (await new Queries.BacktestQueries(Store.Of(cs)).RunAsync([policy])).Single().Weeks;
            var live = new LiveCandidates(Store.Of(cs));
            Assert.True(weeks.Count >= 6);
            foreach (var week in weeks.Skip(1))
            {
                var candidates = await live.OverAsync(TimeSpan.FromDays(7), min, v4, v6, week.Start);
                Assert.True(week.Entries == candidates.Count, $"min {min}, /{v4}, week of {week.Start:yyyy-MM-dd}: backtest {week.Entries}, live {candidates.Count}");
            }
            Assert.Contains(weeks, w => w.Entries > 0);
        }
    }

    private static async Task<BlockView> WaitForAsync(Func<Task<List<BlockView>>> list, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < deadline)
        {
            if ((await list()).FirstOrDefault() is { } found)
                return found;
            await Task.Delay(200);
        }
        throw new TimeoutException($"nothing within {wait}");
    }

    private static IHost BuildHost(string cs, string log, string mode, string block) =>
        TestHosts.Build(new Dictionary<string, string?>
        {
            ["ConnectionStrings:AttackDash"] = cs,
            ["Ingest:Paths:0"] = log,
            ["Ingest:FlushInterval"] = "00:00:00.2",
            ["GeoIp:Directory"] = "/nonexistent",
            ["Blocking:LiveInterval"] = "00:00:01",
            ["Blocking:Policies:0:Name"] = "fast",
            ["Blocking:Policies:0:MinEvents"] = "3",
            ["Blocking:Policies:0:Window"] = "00:10:00",
            ["Blocking:Policies:0:Block"] = block,
            ["Blocking:Policies:0:Mode"] = mode,
        }, (services, configuration) => services.AddBlockingPolicies(configuration).AddLiveProposals());
}
