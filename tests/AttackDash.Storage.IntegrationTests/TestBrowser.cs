using Microsoft.Playwright;

namespace AttackDash.Storage.IntegrationTests;

/// <summary>Debian's chromium driven by Playwright's bundled driver: never `playwright install`.</summary>
internal static class TestBrowser
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
}
