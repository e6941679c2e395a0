using AttackDash.Core.Blocking;
using AttackDash.Core.Net;

namespace AttackDash.Core.Tests;

public sealed class BlockingTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7", "192.0.2.0/24")]
    [InlineData("2001:db8::1:2", "2001:db8::1:2", "2001:db8::/64")]
    public void A_host_network_is_the_address_alone_and_its_neighbourhood_the_24_or_64_around_it(string ip, string host, string neighbourhood)
    {
        Assert.Equal(Cidr.Parse(host), Cidr.Host(IpAddress128.Parse(ip)));
        Assert.Equal(Cidr.Parse(neighbourhood), Cidr.Neighbourhood(IpAddress128.Parse(ip)));
    }

    [Theory]
    [InlineData("192.0.2.0/25 192.0.2.128/25", "192.0.2.0/24")]
    [InlineData("192.0.2.0/24 192.0.2.7 192.0.2.64/26", "192.0.2.0/24")]
    [InlineData("10.0.0.0/24 10.0.1.0/24 10.0.2.0/24 10.0.3.0/24", "10.0.0.0/22")]
    [InlineData("10.0.1.0/24 10.0.2.0/24", "10.0.1.0/24 10.0.2.0/24")]
    [InlineData("198.51.100.1 198.51.100.0", "198.51.100.0/31")]
    [InlineData("2001:db8::/33 2001:db8:8000::/33 192.0.2.1", "192.0.2.1/32 2001:db8::/32")]
    public void Adjacent_and_overlapping_prefixes_merge_into_the_smallest_cover(string input, string expected)
    {
        var merged = CidrAggregator.Merge(input.Split(' ').Select(Cidr.Parse));
        Assert.Equal(expected.Split(' ').Select(Cidr.Parse), merged);
    }

    [Fact]
    public void Merging_never_changes_which_addresses_are_blocked()
    {
        var rng = new Random(3);
        for (var round = 0; round < 200; round++)
        {
            var input = Enumerable.Range(0, rng.Next(1, 12))
                .Select(_ => Cidr.Of(IpAddress128.FromV4(0xC0000200u | (uint)rng.Next(256)), rng.Next(26, 33))).ToList();
            var merged = CidrAggregator.Merge(input);
            for (uint host = 0; host < 256; host++)
            {
                var ip = IpAddress128.FromV4(0xC0000200u | host);
                Assert.Equal(input.Any(c => c.Contains(ip)), merged.Any(c => c.Contains(ip)));
            }
            Assert.True(merged.Count <= input.Count);
        }
    }

    [Theory]
    [InlineData("10.1.2.0/24", "allowlist entry 10.0.0.0/8")]
    [InlineData("127.0.0.1", "allowlist entry 127.0.0.0/8")]
    [InlineData("62.233.50.0/24", "allowlist entry 62.233.50.128/25")]
    [InlineData("192.0.2.7", "allowlist entry 192.0.2.0/24")]
    [InlineData("203.0.113.0/25", "allowlist entry 203.0.113.0/24")]
    [InlineData("198.19.0.1", "allowlist entry 198.18.0.0/15")]
    [InlineData("224.0.0.5", "allowlist entry 224.0.0.0/4")]
    [InlineData("255.255.255.255", "allowlist entry 240.0.0.0/4")]
    [InlineData("192.88.99.1", "allowlist entry 192.88.99.0/24")]
    [InlineData("::", "allowlist entry ::/128")]
    [InlineData("64:ff9b::c000:201", "allowlist entry 64:ff9b::/96")]
    [InlineData("2002:c000:201::/48", "allowlist entry 2002::/16")]
    [InlineData("2001:db8::1", "allowlist entry 2001:db8::/32")]
    [InlineData("3fff::1", "allowlist entry 3fff::/20")]
    [InlineData("ff02::1", "allowlist entry ff00::/8")]
    [InlineData("45.0.0.0/8", "wider than /16")]
    [InlineData("2a00::/32", "wider than /48")]
    public void A_block_that_overlaps_the_allowlist_or_is_too_wide_is_refused_with_the_reason(string block, string reason)
    {
        var allow = new Allowlist([Cidr.Parse("62.233.50.128/25")]);
        var refusal = allow.Refusal(Cidr.Parse(block), wideConfirmed: false);
        Assert.NotNull(refusal);
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wide_block_passes_once_confirmed_but_the_allowlist_never_yields()
    {
        var allow = new Allowlist([]);
        Assert.Null(allow.Refusal(Cidr.Parse("62.0.0.0/8"), wideConfirmed: true));
        Assert.Null(allow.Refusal(Cidr.Parse("62.233.50.0/24"), wideConfirmed: false));
        Assert.NotNull(allow.Refusal(Cidr.Parse("0.0.0.0/0"), wideConfirmed: true));
    }

    [Fact]
    public void Proposed_blocks_become_active_then_expire_or_are_unblocked()
    {
        var proposed = new BlockEntry(Cidr.Parse("62.233.50.0/24"), BlockState.Proposed, "weekly review", "system", Now, TimeSpan.FromDays(7));
        var active = BlockLifecycle.Approve(proposed, "alice", Now);
        Assert.Equal(BlockState.Active, active.State);
        Assert.Equal(Now.AddDays(7), active.ExpiresAt);
        Assert.True(active.BlocksAt(Now.AddDays(6)));
        Assert.Same(active, BlockLifecycle.ExpireIfDue(active, Now.AddDays(6)));
        var expired = BlockLifecycle.ExpireIfDue(active, Now.AddDays(8));
        Assert.Equal(BlockState.Expired, expired.State);
        Assert.Equal(Now.AddDays(7), expired.EndedAt);
        Assert.Equal(BlockState.Unblocked, BlockLifecycle.Unblock(active, "bob", Now.AddDays(1)).State);
        Assert.Equal(BlockState.Rejected, BlockLifecycle.Reject(proposed, "alice", Now).State);
    }

    [Fact]
    public void Transitions_outside_the_state_machine_are_refused()
    {
        var proposed = new BlockEntry(Cidr.Parse("192.0.2.1"), BlockState.Proposed, "r", "system", Now, null);
        var rejected = BlockLifecycle.Reject(proposed, "alice", Now);
        var e = Assert.Throws<BlockTransitionException>(() => BlockLifecycle.Approve(rejected, "alice", Now));
        Assert.Contains("it is rejected, not proposed", e.Message, StringComparison.Ordinal);
        Assert.Throws<BlockTransitionException>(() => BlockLifecycle.Unblock(proposed, "alice", Now));
        Assert.Null(BlockLifecycle.Approve(proposed, "alice", Now).ExpiresAt);
    }

    [Theory]
    [InlineData(0, 7)]
    [InlineData(1, 14)]
    [InlineData(3, 56)]
    [InlineData(4, 112)]
    [InlineData(5, 365)]
    [InlineData(9, 365)]
    public void Repeat_offenders_get_longer_bans_up_to_the_maximum(int earlierBlocks, int days)
    {
        Assert.Equal(TimeSpan.FromDays(days), new BanTimePolicy().BanTimeFor(earlierBlocks));
    }
}
