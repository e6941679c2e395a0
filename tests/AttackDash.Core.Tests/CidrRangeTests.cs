using AttackDash.Core.Net;

namespace AttackDash.Core.Tests;

public sealed class CidrRangeTests
{
    [Theory]
    [InlineData("62.233.50.0", "62.233.50.255", "62.233.50.0/24")]
    [InlineData("62.233.50.0", "62.233.51.127", "62.233.50.0/24 62.233.51.0/25")]
    [InlineData("185.220.101.7", "185.220.101.7", "185.220.101.7/32")]
    [InlineData("10.0.0.1", "10.0.0.6", "10.0.0.1/32 10.0.0.2/31 10.0.0.4/31 10.0.0.6/32")]
    [InlineData("0.0.0.0", "255.255.255.255", "0.0.0.0/0")]
    [InlineData("2a03:b0c0:1::", "2a03:b0c0:1:ffff:ffff:ffff:ffff:ffff", "2a03:b0c0:1::/48")]
    public void A_range_from_asn_data_is_covered_exactly_by_the_fewest_networks(string first, string last, string expected)
    {
        var cover = CidrRange.Cover(IpAddress128.Parse(first), IpAddress128.Parse(last));
        Assert.Equal(expected, string.Join(' ', cover));
    }

    [Fact]
    public void A_range_across_families_is_refused() =>
        Assert.Throws<ArgumentException>(() => CidrRange.Cover(IpAddress128.Parse("10.0.0.1"), IpAddress128.Parse("2a03:b0c0:1::1")));
}
