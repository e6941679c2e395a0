using AttackDash.Core.Net;
using AttackDash.Storage.Blocking;

namespace AttackDash.Storage.IntegrationTests;

[Collection(PostgresCollection.Name)]
public sealed class BlockingTests(PostgresFixture pg)
{
    [Fact]
    public async Task Block_and_unblock_change_the_exported_list_and_leave_an_audit_trail()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "block", "45.155.205.0/25", "--reason", "heavy hitter").Exit);
        Assert.Equal(0, TestCli.Run(cs, "block", "45.155.205.128/25", "--reason", "same /24").Exit);
        Assert.Equal(0, TestCli.Run(cs, "block", "2a0d:5600:1::/48", "--reason", "v6 scanner", "--expires", "30d").Exit);
        Assert.Equal("45.155.205.0/24\n2a0d:5600:1::/48\n", TestCli.Run(cs, "export", "--format", "cidr").Stdout);
        Assert.Contains("45.155.205.0/24", TestCli.Run(cs, "export", "--format", "nftables").Stdout, StringComparison.Ordinal);

        Assert.Equal(0, TestCli.Run(cs, "unblock", "45.155.205.0/25").Exit);
        Assert.Equal("45.155.205.128/25\n2a0d:5600:1::/48\n", TestCli.Run(cs, "export", "--format", "cidr").Stdout);
        Assert.Equal(2, TestCli.Run(cs, "unblock", "62.233.50.0/24").Exit);
        Assert.Equal(4, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM audit_log"));
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM audit_log WHERE action = 'unblock' AND target = '45.155.205.0/25' AND actor LIKE 'cli:%'"));
    }

    [Fact]
    public async Task An_allowlist_entry_ends_the_active_blocks_it_overlaps_and_its_removal_is_audited()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "block", "62.233.50.0/24", "--reason", "heavy hitters").Exit);
        Assert.Equal(0, TestCli.Run(cs, "block", "45.155.205.7", "--reason", "scanner").Exit);
        var allow = TestCli.Run(cs, "allow", "62.233.50.128/25", "--note", "a partner's relays");
        Assert.Equal(0, allow.Exit);
        Assert.Contains("unblocked 62.233.50.0/24", allow.Stdout, StringComparison.Ordinal);
        Assert.Equal("45.155.205.7/32\n", TestCli.Run(cs, "export", "--format", "cidr").Stdout);
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM audit_log WHERE action = 'unblock' AND target = '62.233.50.0/24' AND reason LIKE 'overlaps the allowlist entry 62.233.50.128/25'"));
        Assert.Equal(2, TestCli.Run(cs, "allow", "62.233.50.128/25").Exit);

        Assert.Equal(0, TestCli.Run(cs, "allow", "--remove", "62.233.50.128/25", "--note", "contract ended").Exit);
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM audit_log WHERE action = 'allow-remove' AND target = '62.233.50.128/25' AND reason = 'contract ended'"));
        Assert.Equal(2, TestCli.Run(cs, "allow", "--remove", "62.233.50.128/25").Exit);
        Assert.Equal(0, TestCli.Run(cs, "block", "62.233.50.0/24", "--reason", "back again").Exit);
    }

    [Fact]
    public async Task Two_admins_blocking_one_network_at_the_same_moment_make_one_active_block()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        var blocks = new BlockingService(Store.Of(cs));
        for (var i = 0; i < 20; i++)
        {
            var network = Cidr.Parse($"62.233.{i}.0/24");
            var clicks = await Task.WhenAll(Enumerable.Range(0, 4).Select(n => Task.Run(async () =>
            {
                try
                {
                    await blocks.BlockAsync(network, "heavy hitters", $"admin{n}");
                    return true;
                }
                catch (BlockRefusedException)
                {
                    return false;
                }
            })));
            Assert.Single(clicks, won => won);
        }
        Assert.Equal(20, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM blocks WHERE state = 'Active'"));
    }

    [Theory]
    [InlineData("10.1.2.0/24", "overlaps the allowlist entry 10.0.0.0/8")]
    [InlineData("62.0.0.0/8", "wider than /16")]
    [InlineData("185.220.101.5", "overlaps the allowlist entry 185.220.101.0/24")]
    [InlineData("45.155.205.1/24", "host bits set")]
    public async Task A_refused_block_exits_non_zero_with_the_reason(string network, string reason)
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "allow", "185.220.101.0/24", "--note", "our office").Exit);
        var (exit, _, stderr) = TestCli.Run(cs, "block", network, "--reason", "test");
        Assert.Equal(2, exit);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
        Assert.Equal("", TestCli.Run(cs, "export", "--format", "cidr").Stdout);
    }

    [Fact]
    public async Task A_wide_block_needs_confirmation()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "block", "62.0.0.0/8", "--reason", "botnet", "--confirm-wide").Exit);
        Assert.Equal("62.0.0.0/8\n", TestCli.Run(cs, "export", "--format", "cidr").Stdout);
    }

    [Fact]
    public async Task Repeat_offenders_are_banned_longer_and_bans_expire_by_themselves()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        var clock = new ManualClock(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var blocks = new BlockingService(Store.Of(cs), clock: clock);
        var net = Cidr.Parse("62.233.50.0/24");
        var first = await blocks.BlockAsync(net, "first", "alice");
        Assert.Equal(TimeSpan.FromDays(7), first.BanTime);
        clock.Advance(TimeSpan.FromDays(8));
        Assert.Empty(await blocks.ActiveNetworksAsync());
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM audit_log WHERE action = 'expire'"));
        var second = await blocks.BlockAsync(net, "again", "alice");
        Assert.Equal(TimeSpan.FromDays(14), second.BanTime);
        Assert.Equal([net], await blocks.ActiveNetworksAsync());
        await Assert.ThrowsAsync<BlockRefusedException>(() => blocks.BlockAsync(net, "twice", "alice"));
    }
}
