using AttackDash.Core.Net;

namespace AttackDash.Core.Tests;

/// <summary>
/// Networks the operator types are read strictly: .NET's parser takes "62.233" for 62.0.0.233, so
/// `block 62.233` blocked an unrelated host and `allow 203.0.113` allowed 203.0.0.113.
/// </summary>
public sealed class StrictNetworkTests
{
    [Theory]
    [InlineData("62.233", "62.233.0.0/16")]
    [InlineData("203.0.113", "203.0.113.0/24")]
    [InlineData("10", "10.0.0.0/8")]
    [InlineData("62.233/16", "62.233.0.0/16")]
    public void A_short_ipv4_form_is_refused_with_the_network_written_in_full(string typed, string hint)
    {
        Assert.False(Cidr.TryParse(typed, out _, out var error));
        Assert.Contains(hint, error, StringComparison.Ordinal);
        Assert.False(IpAddress128.TryParse(typed.AsSpan(), out _));
    }

    [Theory]
    [InlineData("010.1.1.1")]
    [InlineData("1.2.3.4.5")]
    [InlineData("256.1.1.1")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("1.2.3.")]
    [InlineData("١.٢.٣.٤")]
    [InlineData("192.0.2.1/33")]
    [InlineData("192.0.2.1/-1")]
    [InlineData("2001:db8::1%eth0")]
    public void Other_malformed_networks_are_refused(string typed) =>
        Assert.False(Cidr.TryParse(typed, out _, out _));

    [Theory]
    [InlineData("192.0.2.1/24", "192.0.2.0/24")]
    [InlineData("2001:db8::1/32", "2001:db8::/32")]
    public void Host_bits_under_the_prefix_are_refused_naming_the_network(string typed, string network)
    {
        Assert.False(Cidr.TryParse(typed, out _, out var error));
        Assert.Contains(network, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7/32")]
    [InlineData("62.233.0.0/16", "62.233.0.0/16")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("2001:db8::/32", "2001:db8::/32")]
    public void Full_addresses_and_networks_are_read(string typed, string network)
    {
        Assert.True(Cidr.TryParse(typed, out var cidr, out var error), error);
        Assert.Equal(network, cidr.ToString());
    }

    [Theory]
    [InlineData("block", "62.233", "--reason")]
    [InlineData("allow", "203.0.113", "--note")]
    [InlineData("unblock", "62.233", "--reason")]
    public void The_cli_refuses_a_short_form_before_it_touches_the_store(string command, string typed, string textOption)
    {
        var (exit, _, stderr) = CliRunner.Run([command, typed, textOption, "test"]);
        Assert.Equal(2, exit);
        Assert.Contains("write the network in full", stderr, StringComparison.Ordinal);
    }
}
