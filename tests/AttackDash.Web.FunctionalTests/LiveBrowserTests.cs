using System.Net.Http.Headers;
using System.Text.Json;
using AttackDash.Storage.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AttackDash.Web.FunctionalTests;

/// <summary>
/// Issue 15's loop in chromium against the real app: a policy made and backtested on the Backtest page
/// is run live; lines appended to a followed log cross it and log in; the proposal appears on the Blocks page with its collateral, the alert on the
/// Alerts page and at a webhook on 127.0.0.1, and an approval changes the pull API's nftables body.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LiveBrowserTests(PostgresFixture pg)
{
    [Fact]
    public async Task A_policy_made_in_the_ui_runs_live_appended_lines_raise_its_proposal_an_admin_approves_and_a_compromise_alert_on_the_page_and_the_webhook_within_a_minute()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = dir.File("mail.log");
        var start = DateTimeOffset.UtcNow;
        await File.WriteAllLinesAsync(log, [AttackLines.AuthFailure(start.AddMinutes(-2), "185.220.101.7", "admin")]);
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        var password = await TestAccounts.ReadyAsync(cs, "alice", UserService.Admin);
        var token = TestCli.Run(cs, "token", "create", "fw1").Stdout.Trim();
        using var hook = new WebhookListener();
        await using var app = await TestWebApp.StartAsync(cs, new()
        {
            ["Ingest:Paths:0"] = log,
            ["Ingest:FlushInterval"] = "00:00:00.2",
            ["Dashboard:LiveRefreshSeconds"] = "1",
            ["Alerts:Interval"] = "00:00:01",
            ["Alerts:Webhook:Url"] = hook.Url,
            ["Blocking:LiveInterval"] = "00:00:01",
        });
        var baseUrl = TestWebApp.Address(app).ToString().TrimEnd('/');
        using var api = new HttpClient { BaseAddress = TestWebApp.Address(app) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright);
        var page = await TestBrowser.SignInAsync(await browser.NewContextAsync(), baseUrl, "alice", password);

        // The policy is made on the Backtest page, replayed against the five defaults, then run live.
        await page.GotoAsync(baseUrl + "/backtest");
        await page.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.FillAsync("#policy-min", "3");
        await page.FillAsync("#policy-days", "1");
        await page.ClickAsync("#policy-add");
        await page.ClickAsync("#run-backtest");
        await Expect(page.Locator("#backtest tbody tr")).ToHaveCountAsync(6);
        await Expect(page.Locator("#backtest tbody tr").Last).ToContainTextAsync("3/1d/32/30d");
        await page.ClickAsync("tr[data-policy='3/1d/32/30d'] button.policy-mode");
        await Expect(page.Locator("#policy-message")).ToContainTextAsync("3/1d/32/30d now proposes blocks live");

        await page.GotoAsync(baseUrl + "/blocks");
        await page.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.DoesNotContain("185.220.101.7", await api.GetStringAsync("api/blocklist/nftables"), StringComparison.Ordinal);

        var appended = DateTime.UtcNow;
        await File.AppendAllLinesAsync(log,
        [
            AttackLines.AuthFailure(DateTimeOffset.UtcNow, "185.220.101.7", "root"),
            AttackLines.AuthFailure(DateTimeOffset.UtcNow, "185.220.101.7", "info"),
            AttackLines.AuthSuccess(DateTimeOffset.UtcNow, "185.220.101.7", "info"),
        ]);

        var proposal = page.Locator("#proposals tbody tr", new() { HasText = "185.220.101.7/32" });
        await Expect(proposal).ToContainTextAsync("policy 3/1d/32/30d: 185.220.101.7 made 3 attack events in 1d", new() { Timeout = 60_000 });
        await Expect(proposal).ToContainTextAsync("policy:3/1d/32/30d");
        await Expect(proposal.Locator("td.num").Nth(1)).ToContainTextAsync("0 / 0 (0 IPs)");   // its own login is no collateral: it attacked
        var body = await hook.NextAsync(TimeSpan.FromSeconds(60) - (DateTime.UtcNow - appended));
        Assert.NotNull(body);
        Assert.Equal("185.220.101.7", JsonDocument.Parse(body).RootElement.GetProperty("ip").GetString());
        Assert.True(DateTime.UtcNow - appended < TimeSpan.FromSeconds(60));

        await proposal.Locator("button.approve").ClickAsync();
        await Expect(page.Locator("#blocks-message")).ToContainTextAsync("185.220.101.7/32");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !(await api.GetStringAsync("api/blocklist/nftables")).Contains("185.220.101.7", StringComparison.Ordinal))
            await Task.Delay(200);
        Assert.Contains("185.220.101.7", await api.GetStringAsync("api/blocklist/nftables"), StringComparison.Ordinal);

        await page.GotoAsync(baseUrl + "/alerts");
        await page.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(page.Locator("#alerts-badge")).ToHaveTextAsync("1");
        var alert = page.Locator("#alerts tbody tr.open", new() { HasText = "185.220.101.7" });
        await Expect(alert).ToContainTextAsync("possible compromise");
        await alert.Locator("button.ack").ClickAsync();
        await Expect(page.Locator("#alerts-message")).ToContainTextAsync("acknowledged");
        await Expect(page.Locator("#alerts tbody tr.open")).ToHaveCountAsync(0);
    }
}
