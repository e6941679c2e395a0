using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using AttackDash.Storage.Accounts;

namespace AttackDash.Web.FunctionalTests;

/// <summary>HTTPS directly from Kestrel or through a trusted reverse proxy: HSTS, Secure cookies, and the real client's address.</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class TransportTests(PostgresFixture pg)
{
    [Fact]
    public async Task Behind_a_trusted_proxy_an_https_request_gets_hsts_and_a_secure_cookie_and_failures_count_for_the_real_client()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        var password = await TestAccounts.ReadyAsync(cs, "alice", UserService.Admin);
        await using var app = await TestWebApp.StartAsync(cs, new() { ["Proxy:KnownProxies:0"] = "127.0.0.1" });
        using var http = Client(TestWebApp.Address(app));
        var forwarded = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https", ["X-Forwarded-For"] = "198.51.100.5" };

        var cookie = await SignInAsync(http, "alice", password, forwarded);
        Assert.Matches("(?i); secure", cookie);
        Assert.Null(await SignInOrNullAsync(http, "alice", "wrong", forwarded));
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM audit_log WHERE action = 'login-failed' AND actor = '198.51.100.5'"));
        var page = await GetAsync(http, "/login", forwarded);
        Assert.True(page.Headers.Contains("Strict-Transport-Security"));

        // Plain HTTP: no HSTS, no Secure flag.
        var plain = await SignInAsync(http, "alice", password, []);
        Assert.DoesNotMatch("(?i); secure", plain);
        Assert.False((await GetAsync(http, "/login", [])).Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Without_a_configured_proxy_forwarded_headers_are_ignored()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        await TestAccounts.ReadyAsync(cs, "alice", UserService.Admin);
        await using var app = await TestWebApp.StartAsync(cs);
        using var http = Client(TestWebApp.Address(app));
        var spoofed = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https", ["X-Forwarded-For"] = "198.51.100.5" };
        Assert.Null(await SignInOrNullAsync(http, "alice", "wrong", spoofed));
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM audit_log WHERE action = 'login-failed' AND actor = '127.0.0.1'"));
        Assert.False((await GetAsync(http, "/login", spoofed)).Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Kestrel_serves_https_from_a_configured_certificate_with_hsts_and_a_secure_cookie()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        var password = await TestAccounts.ReadyAsync(cs, "alice", UserService.Admin);
        using var dir = new TempDir();
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=dash.example.org", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllText(dir.File("cert.pem"), cert.ExportCertificatePem());
        File.WriteAllText(dir.File("key.pem"), key.ExportPkcs8PrivateKeyPem());
        await using var app = await TestWebApp.StartAsync(cs, new()
        {
            ["Kestrel:Endpoints:Https:Url"] = "https://127.0.0.1:0",
            ["Kestrel:Endpoints:Https:Certificate:Path"] = dir.File("cert.pem"),
            ["Kestrel:Endpoints:Https:Certificate:KeyPath"] = dir.File("key.pem"),
        });
        var address = TestWebApp.Address(app);
        Assert.Equal("https", address.Scheme);
        using var http = Client(address);
        Assert.True((await GetAsync(http, "/login", [])).Headers.Contains("Strict-Transport-Security"));
        Assert.Matches("(?i); secure", await SignInAsync(http, "alice", password, []));
    }

    private static HttpClient Client(Uri address) => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ServerCertificateCustomValidationCallback = (_, _, _, _) => true,
    })
    { BaseAddress = address };

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, string path, Dictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        // HSTS is never sent to localhost names.
        request.Headers.Host = "dash.example.org";
        foreach (var (k, v) in headers)
            request.Headers.Add(k, v);
        return await http.SendAsync(request);
    }

    /// <summary>Signs in through the login form as a browser would; returns the session cookie's Set-Cookie header.</summary>
    private static async Task<string> SignInAsync(HttpClient http, string name, string password, Dictionary<string, string> headers) =>
        await SignInOrNullAsync(http, name, password, headers) ?? throw new InvalidOperationException("sign-in failed");

    private static async Task<string?> SignInOrNullAsync(HttpClient http, string name, string password, Dictionary<string, string> headers)
    {
        var form = await GetAsync(http, "/login", headers);
        var html = await form.Content.ReadAsStringAsync();
        var token = Token().Match(html).Groups[1].Value;
        var antiforgery = form.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        using var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent([new("_handler", "login"), new("__RequestVerificationToken", WebUtility.HtmlDecode(token)), new("Input.Name", name), new("Input.Password", password)]),
        };
        post.Headers.Host = "dash.example.org";
        post.Headers.Add("Cookie", antiforgery);
        foreach (var (k, v) in headers)
            post.Headers.Add(k, v);
        var answer = await http.SendAsync(post);
        return answer.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.FirstOrDefault(c => c.StartsWith("attackdash=", StringComparison.Ordinal)) : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
