using System.Net;
using System.Text.RegularExpressions;
using AttackDash.Storage.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AttackDash.Web.FunctionalTests;

/// <summary>Sessions end on the server: a copied cookie dies at logout, an open circuit signs out, and a one-time password opens only the password page.</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class SessionBrowserTests(PostgresFixture pg)
{
    [Fact]
    public async Task After_logout_a_copy_of_the_cookie_opens_no_page_and_another_open_tab_signs_out()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        var password = await TestAccounts.ReadyAsync(cs, "alice", UserService.Admin);
        await using var app = await TestWebApp.StartAsync(cs);
        var baseUrl = TestWebApp.Address(app).ToString().TrimEnd('/');
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright);
        var context = await browser.NewContextAsync();
        var tab = await TestBrowser.SignInAsync(context, baseUrl, "alice", password);
        await Expect(tab.Locator("#attack-events")).ToBeVisibleAsync();
        var cookie = (await context.CookiesAsync()).Single(c => c.Name == "attackdash").Value;
        using var http = Client(baseUrl);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, "/offenders", cookie)).StatusCode);

        // Logout without the page's antiforgery token (a cross-site form) is refused, and changes nothing.
        using (var forged = new HttpRequestMessage(HttpMethod.Post, "/logout") { Content = new FormUrlEncodedContent([]) })
        {
            forged.Headers.Add("Cookie", $"attackdash={cookie}");
            Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(forged)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, "/offenders", cookie)).StatusCode);

        var other = await context.NewPageAsync();
        await other.GotoAsync(baseUrl + "/offenders");
        await other.ClickAsync("header .signout button");
        await Expect(other).ToHaveURLAsync(LoginUrl());

        var after = await GetAsync(http, "/offenders", cookie);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        // The first tab's circuit outlived its request; it is revalidated and signs out on its own.
        await Expect(tab).ToHaveURLAsync(LoginUrl(), new() { Timeout = 40_000 });
    }

    [Fact]
    public async Task A_one_time_password_opens_only_the_password_page_until_it_is_changed()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        var oneTime = await new UserService(Store.Of(cs)).CreateAsync("admin", UserService.Admin);
        await using var app = await TestWebApp.StartAsync(cs);
        var baseUrl = TestWebApp.Address(app).ToString().TrimEnd('/');
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright);
        var page = await TestBrowser.SignInAsync(await browser.NewContextAsync(), baseUrl, "admin", oneTime);
        await Expect(page).ToHaveURLAsync(PasswordUrl());
        await page.GotoAsync(baseUrl + "/blocks");
        await Expect(page).ToHaveURLAsync(PasswordUrl());

        await ChangeAsync(page, oneTime, "short");
        await Expect(page.Locator(".error")).ToContainTextAsync("at least 12 characters");
        await ChangeAsync(page, oneTime, "a password of my own");
        await Expect(page.Locator("#attack-events")).ToBeVisibleAsync();
        await page.GotoAsync(baseUrl + "/blocks");
        await Expect(page).Not.ToHaveURLAsync(PasswordUrl());
        Assert.Null(await new SignInService(Store.Of(cs)).SignInAsync("admin", oneTime, "192.0.2.1"));
    }

    [Fact]
    public async Task Sign_in_tries_beyond_the_limit_per_client_are_refused_before_any_password_is_checked()
    {
        var cs = await pg.NewDatabaseAsync();
        await using var app = await TestWebApp.StartAsync(cs, new() { ["Security:LoginTriesPerMinute"] = "3" });
        using var http = Client(TestWebApp.Address(app).ToString().TrimEnd('/'));
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            codes.Add((await http.PostAsync("/login", new FormUrlEncodedContent([new("Input.Name", "admin"), new("Input.Password", "x")]))).StatusCode);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, codes.Take(3));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], codes.Skip(3));
    }

    private static async Task ChangeAsync(IPage page, string current, string next)
    {
        await page.FillAsync("#current", current);
        await page.FillAsync("#next", next);
        await page.FillAsync("#again", next);
        await page.ClickAsync("#change");
    }

    private static HttpClient Client(string baseUrl) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(baseUrl) };

    private static Task<HttpResponseMessage> GetAsync(HttpClient http, string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"attackdash={cookie}");
        request.Headers.Add("Accept", "text/html");
        return http.SendAsync(request);
    }

    [GeneratedRegex("/login")]
    private static partial Regex LoginUrl();

    [GeneratedRegex("/account/password")]
    private static partial Regex PasswordUrl();
}
