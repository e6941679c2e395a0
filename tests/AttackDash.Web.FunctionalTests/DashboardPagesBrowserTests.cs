using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using AttackDash.Core.Analysis;
using AttackDash.Storage.Accounts;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AttackDash.Web.FunctionalTests;

/// <summary>
/// Every page of the real dashboard in Debian's chromium, on a real PostgreSQL seeded from a generated
/// log: the numbers shown are the store's, blocking from the pages reaches the exported nftables set,
/// and the overview refreshes itself while ingest adds events. Page load times go to page-timings.txt.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DashboardPagesBrowserTests(PostgresFixture pg, ITestOutputHelper output)
{
    private readonly List<string> _timings = [];

    [Fact]
    public async Task Every_page_shows_the_numbers_of_the_store_and_blocks_made_in_the_pages_reach_the_firewall_export()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var log = dir.File("maillog");
        var (exit, _, err) = TestCli.Run(cs, "generate", "--out", log, "--lines", "30000", "--seed", "7", "--days", "14", "--format", "iso", "--start", $"{today.AddDays(-13):yyyy-MM-dd}");
        Assert.True(exit == 0, err);
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", log).Exit);
        // Test coordinates (GeoIP itself has its own tests): a spread of places, so that the map has points.
        await TestSql.ScalarAsync(cs, "WITH u AS (UPDATE ip_summary SET latitude = abs(hashtext(host(ip))) % 120 - 60, longitude = abs(hashtext(host(ip) || 'x')) % 340 - 170, country_code = 'XX', country = 'Testland' RETURNING 1) SELECT count(*) FROM u");
        var password = await TestAccounts.ReadyAsync(cs, "alice", UserService.Admin);
        await using var app = await TestWebApp.StartAsync(cs, new() { ["Dashboard:LiveRefreshSeconds"] = "1" });
        var baseUrl = TestWebApp.Address(app).ToString().TrimEnd('/');
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { TimezoneId = "Europe/Berlin", ViewportSize = new() { Width = 1280, Height = 900 } });
        var problems = BrowserProblems.Watch(page);
        await page.GotoAsync(baseUrl + "/login");
        await page.FillAsync("#name", "alice");
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        string Attack(string column = "kind") => $"{column} IN {AttackDash.Storage.Ingest.EventKindSql.AttackKinds}";
        var week = (From: today.AddDays(-6), To: today.AddDays(1));
        var month = (From: today.AddDays(-29), To: today.AddDays(1));

        await Open(page, baseUrl, "/", "#overview-timeline[data-rendered=true]", "overview");
        var events = await TestSql.ScalarAsync(cs, $"SELECT sum(events) FROM daily_ip_kind WHERE day >= '{week.From:yyyy-MM-dd}' AND {Attack()}");
        Assert.True(events > 1000, $"only {events} attack events in the week");
        await Expect(page.Locator("#attack-events")).ToHaveTextAsync(N(events));
        // The timeline also counts user_unknown lines whose IP could not be joined in (hourly_kind has them).
        await Expect(page.Locator("#overview-timeline")).ToHaveAttributeAsync("data-total",
            $"{await TestSql.ScalarAsync(cs, $"SELECT sum(events) FROM hourly_kind WHERE hour >= '{week.From:yyyy-MM-dd}' AND {Attack()}")}");
        var ips = await TestSql.ScalarAsync(cs, $"SELECT count(DISTINCT ip) FROM daily_ip_kind WHERE day >= '{week.From:yyyy-MM-dd}' AND {Attack()}");
        await Expect(page.Locator("#attacker-ips")).ToHaveTextAsync(N(ips));
        Assert.Equal(ips, Num(await page.InnerTextAsync("#new-ips")) + Num(await page.InnerTextAsync("#returning-ips")));
        await Expect(page.Locator("#compromise-panel")).ToBeVisibleAsync();
        await page.ClickAsync(".periods button[data-days='1']");
        var hour = DateTime.UtcNow;
        var dayStart = new DateTime(hour.Year, hour.Month, hour.Day, hour.Hour, 0, 0, DateTimeKind.Utc).AddHours(-23);
        await Expect(page.Locator("#attack-events")).ToHaveTextAsync(N(await TestSql.ScalarAsync(cs,
            $"SELECT coalesce(sum(events), 0) FROM hourly_ip_kind WHERE hour >= '{dayStart:yyyy-MM-dd HH:mm}+00' AND hour < '{dayStart.AddHours(24):yyyy-MM-dd HH:mm}+00' AND {Attack()}")));
        await page.ClickAsync(".periods button[data-days='7']");
        var top = (await page.InnerTextAsync("#top-offenders tbody tr:first-child td:first-child")).Trim();

        await Open(page, baseUrl, "/timeline", "#timeline-events[data-rendered=true]", "timeline");
        await Expect(page.Locator("#timeline-events")).ToHaveAttributeAsync("data-total",
            $"{await TestSql.ScalarAsync(cs, $"SELECT sum(events) FROM hourly_kind WHERE hour >= '{month.From:yyyy-MM-dd}'")}");
        var monthIps = await TestSql.ScalarAsync(cs, $"SELECT count(DISTINCT ip) FROM daily_ip_kind WHERE day >= '{month.From:yyyy-MM-dd}' AND {Attack()}");
        Assert.Equal(monthIps, (await page.Locator("#distribution tbody td:nth-child(2)").AllInnerTextsAsync()).Sum(Num));

        await Open(page, baseUrl, "/geography", "#by-country-chart[data-rendered=true]", "geography");
        var cells = await TestSql.ScalarAsync(cs, $"SELECT count(DISTINCT (round(s.latitude::numeric), round(s.longitude::numeric))) FROM daily_ip_kind d JOIN ip_summary s ON s.ip = d.ip WHERE d.day >= '{month.From:yyyy-MM-dd}' AND {Attack("d.kind")}");
        await Expect(page.Locator("#world-map circle.origin")).ToHaveCountAsync((int)cells);
        // The map's own stylesheet (CSS isolation bundle) is served and applied.
        await Expect(page.Locator("#world-map path.land")).ToHaveCSSAsync("fill", "rgb(208, 213, 221)");
        await Expect(page.Locator("#by-country tbody tr:first-child td:nth-child(2)")).ToHaveTextAsync(N(monthIps));

        await Open(page, baseUrl, "/campaigns", "#campaign-count", "campaigns");
        var analyze = TestCli.Run(cs, "analyze", "--json", "--all", "--tz", "UTC", "--since", $"{week.From:yyyy-MM-dd}", "--until", $"{week.To:yyyy-MM-dd}", log);
        var campaigns = JsonDocument.Parse(analyze.Stdout).RootElement.GetProperty("campaigns").GetArrayLength();
        await Expect(page.Locator("#campaign-count")).ToContainTextAsync($"{N(campaigns)} campaigns");

        await Open(page, baseUrl, "/ip/" + top, "#ip-timeline[data-rendered=true]", "ip-detail");
        await Expect(page.Locator("#ip-attack-events")).ToHaveTextAsync(N(await TestSql.ScalarAsync(cs, $"SELECT attack_events FROM ip_summary WHERE ip = '{top}'")));
        await Expect(page.Locator("#block-state")).ToHaveTextAsync("not blocked");
        await page.ClickAsync("#block-ip");
        await Expect(page.Locator("#block-state")).ToHaveTextAsync($"blocked by {top}/32");
        Assert.Equal(1, await TestSql.ScalarAsync(cs, $"SELECT count(*) FROM blocks WHERE state = 'Active' AND network = '{top}/32'"));

        await Open(page, baseUrl, "/offenders", "#offenders tbody tr", "offenders");
        await Expect(page.Locator("#offenders tbody tr").First).ToContainTextAsync("blocked");
        await page.Locator("#offenders tbody tr:nth-child(2) input[type=checkbox]").CheckAsync();
        await page.Locator("#offenders tbody tr:nth-child(3) input[type=checkbox]").CheckAsync();
        await page.ClickAsync("#propose-selected");
        await Expect(page.Locator("#offenders-message")).ToHaveTextAsync("Proposed 2 for blocking.");

        await Open(page, baseUrl, "/blocks", "#proposals tbody tr", "blocks");
        await Expect(page.Locator("#proposals tbody tr")).ToHaveCountAsync(2);
        await page.Locator("#proposals tbody tr:first-child button.approve").ClickAsync();
        await Expect(page.Locator("#blocks-message")).ToContainTextAsync("approved");
        await Expect(page.Locator("#active-blocks tbody tr")).ToHaveCountAsync(2);
        await page.FillAsync("#block-network", "10.1.0.0/16");
        await page.ClickAsync("#block-submit");
        await Expect(page.Locator("#blocks-message")).ToContainTextAsync("overlaps the allowlist entry 10.0.0.0/8");
        await page.FillAsync("#block-network", "44.0.0.0/12");
        await page.ClickAsync("#block-submit");
        await Expect(page.Locator("#blocks-message")).ToContainTextAsync("confirm it explicitly");
        await page.CheckAsync("#block-confirm-wide");
        await page.ClickAsync("#block-submit");
        await Expect(page.Locator("#blocks-message")).ToHaveTextAsync("44.0.0.0/12 blocked");
        await Expect(page.Locator("#active-blocks tbody tr")).ToHaveCountAsync(3);

        await Open(page, baseUrl, "/tokens", "#token-name", "tokens");
        await page.FillAsync("#token-name", "fw1.example.org");
        await page.ClickAsync("#token-create");
        var token = (await page.Locator("#token-value").InnerTextAsync()).Trim();
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var before = await http.GetStringAsync("/api/blocklist/nftables");
        Assert.Contains(top, before, StringComparison.Ordinal);

        await Open(page, baseUrl, "/review", "#open-review", "review-empty");
        await page.ClickAsync("#open-review");
        await Expect(page.Locator("#review-items tbody tr").First).ToBeVisibleAsync();
        var reviewed = (await page.Locator("#review-items tbody tr").First.GetAttributeAsync("data-ip"))!;
        Assert.DoesNotContain(reviewed, before, StringComparison.Ordinal);
        await Screenshot(page, "review");
        await page.ClickAsync("#approve-all-32");
        await Expect(page.Locator("#review-message")).ToContainTextAsync("block32 applied");
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // the API caches bodies for 2 s (BlocklistApi:CacheFor)
        var after = await http.GetStringAsync("/api/blocklist/nftables");
        Assert.Contains(reviewed, after, StringComparison.Ordinal);

        await Open(page, baseUrl, "/audit", "#audit tbody tr", "audit");
        await Expect(page.Locator("#audit th").First).ToHaveTextAsync("When (Europe/Berlin)");
        await Expect(page.Locator("#audit-count")).ToContainTextAsync($"{N(await TestSql.ScalarAsync(cs, "SELECT count(*) FROM audit_log"))} records");

        await Open(page, baseUrl, "/status", "#interactive", "status");
        await Open(page, baseUrl, "/users", "#interactive", "users");
        await Open(page, baseUrl, "/backtest", "#run-backtest", "backtest-empty");
        await page.ClickAsync("#run-backtest");
        await Expect(page.Locator("#backtest tbody tr")).ToHaveCountAsync(BlockPolicy.Defaults.Count);
        await Expect(page.Locator("#backtest-chart[data-rendered=true]")).ToBeVisibleAsync();
        await Screenshot(page, "backtest");

        // Live: the overview follows the store with no reload.
        await Open(page, baseUrl, "/", "#overview-timeline[data-rendered=true]", "overview-live");
        var shown = Num(await page.InnerTextAsync("#attack-events"));
        var more = dir.File("maillog.live");
        var now = DateTime.UtcNow.AddMinutes(-5);
        await File.WriteAllLinesAsync(more, AttackLines.SmtpAttacks(now, TimeSpan.FromSeconds(1), 50, 900, i => $"192.0.2.{1 + i % 5}"));
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", more).Exit);
        await Expect(page.Locator("#attack-events")).ToHaveTextAsync(N(shown + 50), new() { Timeout = 15_000 });
        Assert.True(problems.Seen.Count == 0, string.Join(Environment.NewLine, problems.Seen));

        await File.WriteAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "page-timings.txt"), _timings);
    }

    [Fact]
    public async Task A_viewer_sees_the_pages_but_no_control_that_changes_blocks_and_not_the_tokens()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        var log = dir.File("maillog");
        var now = DateTime.UtcNow.AddHours(-1);
        await File.WriteAllLinesAsync(log, AttackLines.SmtpAttacks(now, TimeSpan.FromSeconds(1), 20, 100, _ => "198.51.100.4"));
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", log).Exit);
        var password = await TestAccounts.ReadyAsync(cs, "bob", UserService.Viewer);
        await using var app = await TestWebApp.StartAsync(cs);
        var baseUrl = TestWebApp.Address(app).ToString().TrimEnd('/');
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(baseUrl + "/login");
        await page.FillAsync("#name", "bob");
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");

        await Open(page, baseUrl, "/ip/198.51.100.4", "#ip-timeline[data-rendered=true]", "viewer-ip-detail");
        await Expect(page.Locator("#ip-attack-events")).ToHaveTextAsync("20");
        await Expect(page.Locator("#block-ip")).ToHaveCountAsync(0);
        await Open(page, baseUrl, "/offenders", "#offenders tbody tr", "viewer-offenders");
        await Expect(page.Locator("button.row-block")).ToHaveCountAsync(0);
        await Expect(page.Locator("header nav a[href=tokens]")).ToHaveCountAsync(0);
        await page.GotoAsync(baseUrl + "/tokens");
        await Expect(page.Locator("#not-allowed")).ToBeVisibleAsync();
        Assert.Equal(0, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM api_tokens"));
    }

    /// <summary>Opens a page, waits until it runs interactively and shows its data, logs the time and saves a screenshot.</summary>
    private async Task Open(IPage page, string baseUrl, string path, string ready, string screenshot)
    {
        var sw = Stopwatch.StartNew();
        await page.GotoAsync(baseUrl + path);
        await page.Locator("#interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator(ready).First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var line = $"{path,-24} {sw.ElapsedMilliseconds,6} ms to interactive with data (test store, {screenshot})";
        _timings.Add(line);
        output.WriteLine(line);
        await Screenshot(page, screenshot);
    }

    private static async Task Screenshot(IPage page, string name)
    {
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png"), FullPage = true });
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static long Num(string text) => long.Parse(text.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
