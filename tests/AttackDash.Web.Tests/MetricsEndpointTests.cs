using System.Net;
using AttackDash.Web.Live;
using Microsoft.AspNetCore.Http;

namespace AttackDash.Web.Tests;

/// <summary>Who may read /metrics: loopback clients only, IPv4 or IPv6; anyone else gets the dashboard's sign-in instead.</summary>
public sealed class MetricsEndpointTests
{
    [Theory]
    [InlineData("127.0.0.1", "/metrics", true)]
    [InlineData("::1", "/metrics", true)]
    [InlineData("::ffff:127.0.0.1", "/metrics", true)]
    [InlineData("192.0.2.7", "/metrics", false)]
    [InlineData("::ffff:192.0.2.7", "/metrics", false)]
    [InlineData("127.0.0.1", "/metrics/x", false)]
    public void Only_a_loopback_client_scrapes_the_metrics(string client, string path, bool scrapes)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(client);
        http.Request.Path = path;
        Assert.Equal(scrapes, Metrics.IsScrape(http));
    }
}
