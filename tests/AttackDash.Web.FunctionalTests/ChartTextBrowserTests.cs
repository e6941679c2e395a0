using Microsoft.Playwright;

namespace AttackDash.Web.FunctionalTests;

/// <summary>
/// Names that attackers choose reach chart labels: a network's organisation (from its WHOIS), a
/// country or PTR text. ApexCharts writes tooltip and legend labels as HTML, so the chart module must
/// hand it text. Drawn by the real module and library, served by the real host, in Debian's chromium.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ChartTextBrowserTests(PostgresFixture pg)
{
    private const string Payload = "<img src=x onerror=\"window.__xss=(window.__xss||0)+1\">";

    [Fact]
    public async Task A_label_that_is_html_is_shown_as_text_in_the_legend_and_the_tooltip_and_never_runs()
    {
        var cs = await pg.NewDatabaseAsync();
        await using var app = await TestWebApp.StartAsync(cs);
        var baseUrl = TestWebApp.Address(app).ToString().TrimEnd('/');
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync(new() { BypassCSP = true })).NewPageAsync();
        await page.GotoAsync(baseUrl + "/app.css");
        await page.EvaluateAsync("""
            async ([payload]) => {
                document.body.innerHTML = '<div id="c" style="width:600px;height:300px"></div>';
                const chart = await import('/js/apexchart.js');
                await chart.render(document.getElementById('c'), {
                    chart: { type: 'bar', height: 300, animations: { enabled: false } },
                    series: [{ name: payload, data: [5, 3] }, { name: 'other', data: [1, 2] }],
                    xaxis: { categories: [payload, 'AS64500 ' + payload] },
                    plotOptions: { bar: { horizontal: true } },
                    dataLabels: { enabled: false },
                });
            }
            """, new object[] { new[] { Payload } });
        await page.HoverAsync(".apexcharts-bar-area >> nth=0");
        await page.Locator(".apexcharts-tooltip.apexcharts-active").WaitForAsync();
        await page.WaitForTimeoutAsync(300);

        Assert.Equal(0, await page.Locator("#c img").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        Assert.Contains("<img src=x", await page.Locator(".apexcharts-legend").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("<img src=x", await page.Locator(".apexcharts-tooltip").InnerTextAsync(), StringComparison.Ordinal);
    }
}
