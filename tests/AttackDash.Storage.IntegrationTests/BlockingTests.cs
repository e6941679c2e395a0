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
        Assert.Equal(0, Cli.Run("block", "192.0.2.0/25", "--reason", "heavy hitter").Exit);
        Assert.Equal(0, Cli.Run("block", "192.0.2.128/25", "--reason", "same /24").Exit);
        Assert.Equal(0, Cli.Run("block", "2001:db8:1::/48", "--reason", "v6 scanner", "--expires", "30d").Exit);
        Assert.Equal("192.0.2.0/24\n2001:db8:1::/48\n", Cli.Run("export", "--format", "cidr").Stdout);
        Assert.Contains("192.0.2.0/24", Cli.Run("export", "--format", "nftables").Stdout, StringComparison.Ordinal);

        Assert.Equal(0, Cli.Run("unblock", "192.0.2.0/25").Exit);
        Assert.Equal("192.0.2.128/25\n2001:db8:1::/48\n", Cli.Run("export", "--format", "cidr").Stdout);
        Assert.Equal(2, Cli.Run("unblock", "198.51.100.0/24").Exit);
        Assert.Equal(4, await Sql.ScalarAsync(cs, "SELECT count(*) FROM audit_log"));
        Assert.Equal(1, await Sql.ScalarAsync(cs, "SELECT count(*) FROM audit_log WHERE action = 'unblock' AND target = '192.0.2.0/25' AND actor LIKE 'cli:%'"));
    }

    [Theory]
    [InlineData("10.1.2.0/24", "overlaps the allowlist entry 10.0.0.0/8")]
    [InlineData("62.0.0.0/8", "wider than /16")]
    [InlineData("203.0.113.5", "overlaps the allowlist entry 203.0.113.0/24")]
    [InlineData("192.0.2.1/24", "host bits set")]
    public async Task A_refused_block_exits_non_zero_with_the_reason(string network, string reason)
    {
        await pg.NewDatabaseAsync();
        Assert.Equal(0, Cli.Run("allow", "203.0.113.0/24", "--note", "our office").Exit);
        var (exit, _, stderr) = Cli.Run("block", network, "--reason", "test");
        Assert.Equal(2, exit);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
        Assert.Equal("", Cli.Run("export", "--format", "cidr").Stdout);
    }

    [Fact]
    public async Task A_wide_block_needs_confirmation()
    {
        await pg.NewDatabaseAsync();
        Assert.Equal(0, Cli.Run("block", "62.0.0.0/8", "--reason", "botnet", "--confirm-wide").Exit);
        Assert.Equal("62.0.0.0/8\n", Cli.Run("export", "--format", "cidr").Stdout);
    }

    [Fact]
    public async Task Repeat_offenders_are_banned_longer_and_bans_expire_by_themselves()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, Cli.Run("migrate").Exit);
        var clock = new ManualClock(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var blocks = new BlockService(cs, clock: clock);
        var net = Cidr.Parse("198.51.100.0/24");
        var first = await blocks.BlockAsync(net, "first", "alice");
        Assert.Equal(TimeSpan.FromDays(7), first.BanTime);
        clock.Advance(TimeSpan.FromDays(8));
        Assert.Empty(await blocks.ActiveNetworksAsync());
        Assert.Equal(1, await Sql.ScalarAsync(cs, "SELECT count(*) FROM audit_log WHERE action = 'expire'"));
        var second = await blocks.BlockAsync(net, "again", "alice");
        Assert.Equal(TimeSpan.FromDays(14), second.BanTime);
        Assert.Equal([net], await blocks.ActiveNetworksAsync());
        await Assert.ThrowsAsync<BlockRefusedException>(() => blocks.BlockAsync(net, "twice", "alice"));
    }
}
