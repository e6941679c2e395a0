using System.Net;
using AttackDash.Core.Analysis;
using AttackDash.Core.Blocking;
using AttackDash.Core.Events;
using AttackDash.Core.Net;
using AttackDash.Storage.Accounts;
using AttackDash.Storage.Blocking;
using AttackDash.Storage.Queries;
using AttackDash.Web.Components.Layout;
using AttackDash.Web.Blocking.Pages.Audit;
using AttackDash.Web.Components.Pages.Backtest;
using AttackDash.Web.Blocking.Pages.Blocks;
using AttackDash.Web.Components.Pages.Campaigns;
using AttackDash.Web.Components.Pages.Geography;
using AttackDash.Web.Components.Pages.IpDetail;
using AttackDash.Web.Components.Pages.Offenders;
using AttackDash.Web.Components.Pages.Overview;
using AttackDash.Web.Blocking.Pages.Review;
using AttackDash.Web.Components.Pages.Status;
using AttackDash.Web.Components.Pages.Timeline;
using AttackDash.Web.Blocking.Pages.Tokens;
using AttackDash.Web.Components.Pages.Users;
using DistributionBucket = AttackDash.Storage.Queries.DistributionBucket;
using Microsoft.AspNetCore.Components;

namespace AttackDash.Web.Tests.Pages;

/// <summary>Each page with data in the store: what it shows, and what a viewer may not do.</summary>
public sealed class PageDataTests : PageTest
{
    private static readonly IPAddress Giant = IPAddress.Parse("62.233.50.7");
    private static readonly DateTimeOffset Seen = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private string Shown<TPage>(string role, Dictionary<string, object?>? parameters = null) where TPage : IComponent =>
        Open<TPage>(role, parameters).Text;

    /// <summary>The page once loaded, and its text.</summary>
    private (IRenderedComponent<PageErrorBoundary> Cut, string Text) Open<TPage>(string role, Dictionary<string, object?>? parameters = null) where TPage : IComponent
    {
        SignIn(role);
        var cut = RenderPage<TPage>(parameters);
        cut.WaitForState(() => !cut.Markup.Contains("Loading…", StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("#page-error"));
        return (cut, PageStatesTests.Text(cut.Markup));
    }

    [Fact]
    public void The_overview_shows_totals_the_top_offender_a_possible_compromise_and_an_injection()
    {
        Store.Summary = new PeriodSummary(123_456, 6_788, 100_000, 7_000);
        Store.NewVsReturning = new NewVsReturning(40, 6_748);
        Store.Offenders.Add(new OffenderRow(Giant, 98_765, "RU", 49505, "Selectel"));
        Store.Compromises.Add(new CompromiseRow(IPAddress.Parse("185.220.101.9"), 1, 0, 300, Seen, "DE"));
        Store.Injections.Add(new InjectionRow(Seen, IPAddress.Parse("45.155.205.3"), "${jndi:ldap://x}", "mx"));
        var text = Shown<Overview>("viewer");
        Assert.Contains("123,456", text, StringComparison.Ordinal);
        Assert.Contains("6,788", text, StringComparison.Ordinal);
        Assert.Contains("62.233.50.7 98,765", text, StringComparison.Ordinal);
        Assert.Contains("185.220.101.9", text, StringComparison.Ordinal);
        Assert.Contains("${jndi:ldap://x}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_offenders_page_lists_offenders_and_only_an_admin_gets_block_buttons()
    {
        Store.OffenderList.Add(new OffenderListRow(Giant, 98_765, "RU", 49505, "Selectel", Seen.AddDays(-300), Seen, null));
        Store.OffenderList.Add(new OffenderListRow(IPAddress.Parse("62.233.50.8"), 12, "RU", 49505, "Selectel", Seen, Seen, "62.233.50.0/24"));
        var (cut, text) = Open<Offenders>("viewer");
        Assert.Contains("2 IPs", text, StringComparison.Ordinal);
        Assert.Contains("blocked (62.233.50.0/24)", text, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("button.row-block, button.row-unblock, #propose-selected, input[type=checkbox]"));
    }

    [Fact]
    public void An_admin_blocks_an_offender_from_its_row()
    {
        Store.OffenderList.Add(new OffenderListRow(Giant, 98_765, "RU", 49505, "Selectel", Seen.AddDays(-300), Seen, null));
        SignIn("admin");
        var cut = RenderPage<Offenders>();
        cut.WaitForElement("button.row-block").Click();
        cut.WaitForAssertion(() => Assert.Contains("block 62.233.50.7/32 by alice", Store.Changes));
    }

    [Fact]
    public void The_timeline_counts_the_events_of_its_period()
    {
        var today = DateTimeOffset.UtcNow.Date;
        Store.Buckets.Add(new BucketCount(new DateTimeOffset(today.AddDays(-2), TimeSpan.Zero), (short)EventKind.AuthFailure, 1_500));
        Store.Distribution.Add(new DistributionBucket("100+", 55, 150_000));
        var text = Shown<Timeline>("viewer");
        Assert.Contains("1,500 events in the last 30 days", text, StringComparison.Ordinal);
        Assert.Contains("100+ 55 150,000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Geography_lists_countries_and_networks()
    {
        Store.MapPoints.Add(new MapPoint(55.75, 37.62, 3, 300, "Russia"));
        Store.Countries.Add(new GroupCount("RU", "Russia", 3, 300));
        Store.Countries.Add(new GroupCount(null, null, 2, 20));
        Store.Networks.Add(new GroupCount("49505", "Selectel", 3, 300));
        var text = Shown<Geography>("viewer");
        Assert.Contains("3 located attacker IPs in 1 places; 2 IPs have no location", text, StringComparison.Ordinal);
        Assert.Contains("Selectel", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_viewer_proposes_blocking_an_asn_as_its_prefixes_and_the_allowlist_refuses_its_part()
    {
        Store.Networks.Add(new GroupCount("49505", "Selectel", 3, 300));
        Store.Networks.Add(new GroupCount("64500", "Quiet", 1, 100));
        Store.AsnRanges[49505] = [(IPAddress.Parse("62.233.50.0"), IPAddress.Parse("62.233.51.127")), (IPAddress.Parse("192.0.2.0"), IPAddress.Parse("192.0.2.255"))];
        Store.Allowlist.Add(new AllowView(1, Cidr.Parse("192.0.2.0/24"), "office", "alice", Seen));
        SignIn("viewer");
        var cut = RenderPage<Geography>();
        cut.WaitForAssertion(() => Assert.Contains("75.0 %", cut.Find("#by-asn").TextContent, StringComparison.Ordinal));
        Assert.Single(cut.FindAll("button.propose-asn"));   // no ranges known for AS64500

        cut.Find("button.propose-asn").Click();

        cut.WaitForAssertion(() => Assert.Contains("AS49505: 2 of 3 prefixes proposed", cut.Find("#geo-message").TextContent, StringComparison.Ordinal));
        Assert.Equal(["propose 62.233.50.0/24 by alice: AS49505 Selectel: 3 attacking IPs, 300 events", "propose 62.233.51.0/25 by alice: AS49505 Selectel: 3 attacking IPs, 300 events"],
            Store.Changes.Where(c => c.StartsWith("propose", StringComparison.Ordinal)));
        Assert.Contains("192.0.2.0/24 overlaps the allowlist", cut.Find("#geo-message").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_campaign_shows_its_username_and_ips()
    {
        Store.Campaigns.Add(new CampaignRow("info", Seen, Seen.AddMinutes(8), 40, [Giant, IPAddress.Parse("45.155.205.3")], ["RU", "NL"]));
        var text = Shown<Campaigns>("viewer");
        Assert.Contains("1 campaigns in the last 7 days, 40 attempts", text, StringComparison.Ordinal);
        Assert.Contains("info", text, StringComparison.Ordinal);
        Assert.Contains("45.155.205.3", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_review_shows_its_offenders_and_a_viewer_cannot_decide()
    {
        Store.Review = new ReviewView(3, new DateOnly(2026, 11, 23), Seen, null,
            [new ReviewItemView(9, Giant, 5_000, 4_000, 1, "auth_failure=5000", "RU", 49505, "Selectel", 12, 0, null, null, null)]);
        var (cut, text) = Open<Review>("viewer");
        Assert.Contains("Week of 2026-11-23: 1 offenders, 1 open", text, StringComparison.Ordinal);
        Assert.Contains("5,000", text, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void An_admin_decides_a_review_item()
    {
        Store.Review = new ReviewView(3, new DateOnly(2026, 11, 23), Seen, null,
            [new ReviewItemView(9, Giant, 5_000, 4_000, 1, "auth_failure=5000", "RU", 49505, "Selectel", 12, 0, null, null, null)]);
        SignIn("admin");
        var cut = RenderPage<Review>();
        cut.WaitForElement("button.block24").Click();
        cut.WaitForAssertion(() => Assert.Contains("decide 9 block24 by alice", Store.Changes));
    }

    [Fact]
    public void The_blocks_page_shows_proposals_with_their_collateral_and_an_admin_approves_one()
    {
        Store.Blocks.Add(new BlockView(7, Cidr.Parse("62.233.50.0/24"), BlockState.Proposed, "review", "alice", Seen, null, null, null, null, null, false));
        Store.Blocks.Add(new BlockView(8, Cidr.Parse("45.155.205.3/32"), BlockState.Active, "dictionary", "bob", Seen, "bob", Seen, null, null, null, false));
        Store.Allowlist.Add(new AllowView(1, Cidr.Parse("192.0.2.0/24"), "office", "alice", Seen));
        Store.Collateral = new Collateral(500, 4, 3, 1, 1);
        var (cut, text) = Open<Blocks>("admin");
        Assert.Contains("3 / 1 (1 IPs)", text, StringComparison.Ordinal);
        cut.Find("button.approve").Click();
        cut.WaitForAssertion(() => Assert.Contains("approve 7 by alice", Store.Changes));
    }

    [Fact]
    public void A_viewer_sees_the_blocks_but_no_control_that_changes_them()
    {
        Store.Blocks.Add(new BlockView(7, Cidr.Parse("62.233.50.0/24"), BlockState.Proposed, "review", "alice", Seen, null, null, null, null, null, false));
        Store.Blocks.Add(new BlockView(8, Cidr.Parse("45.155.205.3/32"), BlockState.Active, "dictionary", "bob", Seen, "bob", Seen, null, null, null, false));
        Store.Allowlist.Add(new AllowView(1, Cidr.Parse("192.0.2.0/24"), "office", "alice", Seen));
        var (cut, text) = Open<Blocks>("viewer");
        Assert.Contains("62.233.50.0/24", text, StringComparison.Ordinal);
        Assert.Contains("45.155.205.3/32", text, StringComparison.Ordinal);
        Assert.Contains("192.0.2.0/24", text, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("button, input"));
    }

    [Fact]
    public void The_backtest_shows_each_policy_and_the_most_any_ip_list_could_stop_when_run()
    {
        Store.Backtest.Add(new BacktestResult("every attacker /32", [new BacktestWeek(Seen, 1_000, 900, 10, 0, 0, FromNewIps: 250)]));
        SignIn("viewer");
        var cut = RenderPage<Backtest>();
        cut.Find("#run-backtest").Click();
        cut.WaitForAssertion(() => Assert.Contains("every attacker /32", cut.Markup, StringComparison.Ordinal));
        var best = cut.Find("#backtest-new-ips").TextContent;
        Assert.Contains("250 attacks (25.0 %) came from IPs never seen in an earlier week", best, StringComparison.Ordinal);
        Assert.Contains("75.0 % is the most any list could have stopped", best, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_typed_on_the_backtest_page_is_replayed_beside_the_configured_ones_and_a_broken_one_is_refused()
    {
        SignIn("viewer");
        var cut = RenderPage<Backtest>();
        cut.Find("#policy-min").Change("0");
        cut.Find("#policy-form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("is not N/WINDOW/BLOCK/BAN", cut.Find("#policy-error").TextContent, StringComparison.Ordinal));

        cut.Find("#policy-min").Change("20");
        cut.Find("#policy-days").Change("3");
        cut.Find("#policy-block").Change("24");
        cut.Find("#policy-ban").Change("0");
        cut.Find("#policy-form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("20/3d/24/forever", cut.Find("#policy-list").TextContent, StringComparison.Ordinal));
        cut.Find("#run-backtest").Click();

        cut.WaitForAssertion(() => Assert.Equal(BlockPolicy.Defaults.Count + 1, Store.BacktestPolicies.Count));
        var added = Store.BacktestPolicies[^1];
        Assert.Equal((20, 3, 24, 64, TimeSpan.MaxValue), (added.MinEvents, added.WindowDays, added.PrefixV4, added.PrefixV6, added.BanTime));
    }

    [Fact]
    public void An_admin_runs_a_typed_policy_live_from_the_backtest_page_and_turns_it_off_again()
    {
        SignIn("admin");
        var cut = RenderPage<Backtest>();
        cut.Find("#policy-min").Change("20");
        cut.Find("#policy-form").Submit();
        cut.WaitForElement("tr[data-policy='20/7d/32/30d'] button.policy-mode").Click();
        cut.WaitForAssertion(() => Assert.Contains("save policy 20/7d/32/30d propose by alice", Store.Changes));
        Assert.Equal(new StoredPolicy("20/7d/32/30d", 20, TimeSpan.FromDays(7), "/32", TimeSpan.FromDays(30), "propose"), Store.SavedPolicies.Single());
        cut.WaitForAssertion(() => Assert.Contains("live: propose", cut.Find("tr[data-policy='20/7d/32/30d']").TextContent, StringComparison.Ordinal));

        cut.Find("tr[data-policy='20/7d/32/30d'] button.policy-mode").Click();
        cut.WaitForAssertion(() => Assert.Contains("save policy 20/7d/32/30d off by alice", Store.Changes));
    }

    [Fact]
    public void The_audit_log_shows_who_did_what()
    {
        Store.Audit.Add(new AuditView(1, Seen, "alice", "block", "62.233.50.0/24", "dictionary attack"));
        var text = Shown<Audit>("viewer");
        Assert.Contains("1 records", text, StringComparison.Ordinal);
        Assert.Contains("alice block 62.233.50.0/24 dictionary attack", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_status_page_shows_every_workers_logs_from_the_store_and_the_blocking_counts()
    {
        Store.Operations = new OperationsSnapshot(3, 12, [new SourceProgress("/var/log/mail.log", 1_234_567, DateTimeOffset.UtcNow.AddMinutes(-7))]);
        var text = Shown<Status>("admin");
        Assert.Contains("This host follows no log.", text, StringComparison.Ordinal);
        Assert.Contains("/var/log/mail.log 1,234,567", text, StringComparison.Ordinal);
        Assert.Contains("7 min", text, StringComparison.Ordinal);
        Assert.Contains("3 active blocks, 12 open review items.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tokens_page_lists_tokens_and_revokes_one()
    {
        Store.Tokens.Add(("firewall-1", Seen, null));
        var (cut, text) = Open<Tokens>("admin");
        Assert.Contains("firewall-1", text, StringComparison.Ordinal);
        cut.Find("button.revoke").Click();
        cut.WaitForAssertion(() => Assert.Contains("revoke firewall-1 by alice", Store.Changes));
    }

    [Fact]
    public void The_users_page_lists_accounts()
    {
        Store.Users.Add(new UserInfo("alice", UserService.Admin, false, false, Seen, 2, Seen));
        Store.Users.Add(new UserInfo("bob", UserService.Viewer, true, false, Seen, 0, null));
        var text = Shown<Users>("admin");
        Assert.Contains("alice", text, StringComparison.Ordinal);
        Assert.Contains("bob", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ip_page_shows_the_ip_its_network_and_a_viewer_cannot_block_it()
    {
        Store.IpSummary = new IpSummaryView(Giant, Seen.AddDays(-300), Seen, 98_765, 0, false, "RU", "Russia", "Moscow", 50, 49505, "Selectel");
        Store.IpDays.Add(new DayCount(new DateOnly(2026, 11, 30), (short)EventKind.AuthFailure, 98_765));
        var text = Shown<IpDetail>("viewer", new() { ["Address"] = "62.233.50.7" });
        Assert.Contains("98,765", text, StringComparison.Ordinal);
        Assert.Contains("Russia", text, StringComparison.Ordinal);
        Assert.Contains("Selectel", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Block this IP", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unblock", text, StringComparison.Ordinal);
    }
}
