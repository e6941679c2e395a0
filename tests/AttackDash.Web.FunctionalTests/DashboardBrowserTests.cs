using System.Text.RegularExpressions;
using AttackDash.Storage.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AttackDash.Web.FunctionalTests;

/// <summary>Login and the overview and offenders tables in Debian's chromium, on a real PostgreSQL (every page: <see cref="DashboardPagesBrowserTests"/>).</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class DashboardBrowserTests(PostgresFixture pg)
{
    [Fact]
    public async Task Login_refuses_a_wrong_password_and_the_overview_shows_the_numbers_of_the_store()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = dir.File("maillog");
        var yesterday = DateTime.UtcNow.Date.AddDays(-1);
        var lines = AttackLines.SmtpAttacks(yesterday, TimeSpan.FromMinutes(1), 240, 100, i => $"62.233.50.{1 + (i % 3)}");
        await File.WriteAllLinesAsync(log, lines);
        Assert.Equal(0, TestCli.Run(cs, "ingest", log).Exit);
        var password = await TestAccounts.ReadyAsync(cs, "alice", UserService.Admin);

        // A DB-IP file (here a MaxMind test file under DB-IP's name) obliges the UI to credit DB-IP.
        var geo = dir.File("geoip");
        Directory.CreateDirectory(geo);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "geoip", "GeoLite2-City-Test.mmdb"), Path.Combine(geo, "dbip-city-ipv4.mmdb"));
        await using var app = await TestWebApp.StartAsync(cs, new() { ["GeoIp:Directory"] = geo });
        var baseUrl = TestWebApp.Address(app).ToString().TrimEnd('/');
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(baseUrl + "/");
        await Expect(page).ToHaveURLAsync(LoginUrl());

        await page.FillAsync("#name", "alice");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("#sign-in");
        await Expect(page.Locator(".error")).ToContainTextAsync("Wrong user name or password.");

        await page.FillAsync("#name", "alice");
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        await Expect(page.Locator("#attack-events")).ToHaveTextAsync("240");
        Assert.Equal(240, await TestSql.ScalarAsync(cs, $"SELECT sum(events) FROM daily_ip_kind WHERE day >= current_date - 7"));
        await Expect(page.Locator("#attacker-ips")).ToHaveTextAsync("3");
        await Expect(page.Locator("#top-offenders tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("footer.attribution a")).ToHaveTextAsync("IP Geolocation by DB-IP");

        Assert.Equal(0, TestCli.Run(cs, "block", "62.233.50.2", "--reason", "test").Exit);
        await Expect(page.Locator("header nav a[href=offenders]")).ToBeVisibleAsync();
        // A full load, then the page's interactive marker: filters work once the circuit runs the page
        // (after an in-app navigation the previous page's marker could still be in the document).
        await page.GotoAsync(baseUrl + "/offenders");
        await page.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(page.Locator("#offender-count")).ToHaveTextAsync("3 IPs");
        await Expect(page.Locator("#offenders tbody tr", new() { HasText = "62.233.50.2" })).ToContainTextAsync("blocked");
        await page.FillAsync("#min-events", "81");
        await page.ClickAsync("#apply");
        await Expect(page.Locator("#offender-count")).ToHaveTextAsync("0 IPs");
        await page.FillAsync("#min-events", "1");
        await page.SelectOptionAsync("#kind", "auth_failure");
        await page.ClickAsync("#apply");
        await Expect(page.Locator("#offender-count")).ToHaveTextAsync("0 IPs");
        await page.SelectOptionAsync("#kind", "smtp_attack");
        await page.ClickAsync("#apply");
        await Expect(page.Locator("#offender-count")).ToHaveTextAsync("3 IPs");
    }

    [GeneratedRegex("/login")]
    private static partial Regex LoginUrl();
}
