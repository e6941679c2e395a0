using System.Net;
using System.Net.Http.Headers;

namespace AttackDash.Web.FunctionalTests;

[Collection(PostgresCollection.Name)]
public sealed class BlocklistApiTests(PostgresFixture pg)
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["BlocklistApi:CacheFor"] = "00:00:00.1",
        ["BlocklistApi:MaxFailures"] = "3",
    };

    [Fact]
    public async Task Firewall_hosts_pull_the_list_with_a_token_and_get_304_until_it_changes()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "block", "45.155.205.0/24", "--reason", "test").Exit);
        var token = TestCli.Run(cs, "token", "create", "fw1").Stdout.Trim();
        await using var app = await TestWebApp.StartAsync(cs, Settings);
        using var http = new HttpClient { BaseAddress = TestWebApp.Address(app) };

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/api/blocklist/nftables", UriKind.Relative))).StatusCode);
        Assert.Equal("ok", await http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var first = await http.GetAsync(new Uri("/api/blocklist/nftables", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("45.155.205.0/24", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var etag = first.Headers.ETag!;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/blocklist/nftables");
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await http.SendAsync(conditional)).StatusCode);

        Assert.Equal(0, TestCli.Run(cs, "block", "62.233.50.7", "--reason", "test").Exit);
        await Task.Delay(300);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/blocklist/cidr");
        again.Headers.IfNoneMatch.Add(etag);
        var changed = await http.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("45.155.205.0/24\n62.233.50.7/32\n", await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/api/blocklist/pf", UriKind.Relative))).StatusCode);

        Assert.Equal(0, TestCli.Run(cs, "token", "revoke", "fw1").Exit);
        await Task.Delay(300);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/api/blocklist/cidr", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_address_that_keeps_failing_is_locked_out_but_a_valid_token_from_it_keeps_working()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        var token = TestCli.Run(cs, "token", "create", "fw1").Stdout.Trim();
        await using var app = await TestWebApp.StartAsync(cs, Settings);
        using var http = new HttpClient { BaseAddress = TestWebApp.Address(app) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "adk_guess");
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            codes.Add((await http.GetAsync(new Uri("/api/blocklist/cidr", UriKind.Relative))).StatusCode);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], codes);
        // A firewall behind the same NAT as the guesser is not shut out with it.
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/api/blocklist/cidr", UriKind.Relative))).StatusCode);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "adk_guess");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.GetAsync(new Uri("/api/blocklist/cidr", UriKind.Relative))).StatusCode);
    }
}
