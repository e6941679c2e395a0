using Microsoft.Playwright;

namespace AttackDash.Web.FunctionalTests;

/// <summary>Debian's chromium driven by Playwright's bundled driver: never `playwright install`.</summary>
internal static class TestBrowser
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });

    /// <summary>Signs in on the login page and waits until it has left it.</summary>
    public static async Task<IPage> SignInAsync(IBrowserContext context, string baseUrl, string name, string password)
    {
        var page = await context.NewPageAsync();
        // Up to 18 hosts and browsers share two cores in CI: the first sign-in of a fresh host (JIT,
        // password hash, first circuit) once took over Playwright's 30 s there. No figure is asserted.
        page.SetDefaultTimeout(90_000);
        page.SetDefaultNavigationTimeout(90_000);
        await page.GotoAsync(baseUrl + "/login");
        await page.FillAsync("#name", name);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        return page;
    }
}
