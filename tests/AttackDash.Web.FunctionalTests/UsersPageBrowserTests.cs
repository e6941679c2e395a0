using AttackDash.Storage.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AttackDash.Web.FunctionalTests;

/// <summary>The admin's Users page: add with a one-time password, disable, and the guard for the last admin, all audited.</summary>
[Collection(PostgresCollection.Name)]
public sealed class UsersPageBrowserTests(PostgresFixture pg)
{
    [Fact]
    public async Task An_admin_adds_and_disables_accounts_on_the_users_page_but_cannot_disable_the_last_admin()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        var password = await TestAccounts.ReadyAsync(cs, "alice", UserService.Admin);
        await using var app = await TestWebApp.StartAsync(cs);
        var baseUrl = TestWebApp.Address(app).ToString().TrimEnd('/');
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright);
        var page = await TestBrowser.SignInAsync(await browser.NewContextAsync(), baseUrl, "alice", password);
        await page.GotoAsync(baseUrl + "/users");
        await page.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.FillAsync("#user-name", "carol");
        await page.ClickAsync("#user-add");
        var oneTime = await page.Locator("#one-time-password").InnerTextAsync();
        Assert.True((await new SignInService(Store.Of(cs)).SignInAsync("carol", oneTime, "192.0.2.1"))!.MustChangePassword);

        await page.ClickAsync("tr[data-user=carol] button.disable");
        await Expect(page.Locator("tr[data-user=carol] td").Nth(2)).ToHaveTextAsync("disabled");
        Assert.Null(await new SignInService(Store.Of(cs)).SignInAsync("carol", oneTime, "192.0.2.2"));

        await page.ClickAsync("tr[data-user=alice] button.disable");
        await Expect(page.Locator("#user-message")).ToContainTextAsync("last enabled admin");
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM audit_log WHERE action = 'user-disable' AND target = 'carol' AND actor = 'web:alice'"));
    }
}
