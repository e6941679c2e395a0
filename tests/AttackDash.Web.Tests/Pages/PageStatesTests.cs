using System.Reflection;
using System.Text.RegularExpressions;
using AttackDash.Web.Alerts.Pages;
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
using Microsoft.AspNetCore.Authorization;

namespace AttackDash.Web.Tests.Pages;

/// <summary>Loading, failing and empty, for every data page alike; each page's data has its own tests (PageDataTests).</summary>
public sealed partial class PageStatesTests : PageTest
{
    /// <summary>Every data page, with what it says when the store holds nothing for it.</summary>
    public static TheoryData<Type, string> DataPages => new()
    {
        { typeof(Overview), "No successful login or accepted message from an IP that attacked" },
        { typeof(Offenders), "0 IPs" },
        { typeof(Timeline), "0 events in the last 30 days" },
        { typeof(Geography), "0 located attacker IPs in 0 places" },
        { typeof(Campaigns), "0 campaigns in the last 7 days, 0 attempts" },
        { typeof(Review), "No review yet." },
        { typeof(Blocks), "No open proposals." },
        { typeof(Backtest), "Replay the history" },
        { typeof(Audit), "0 records" },
        { typeof(AlertList), "0 alerts." },
        { typeof(Tokens), "No token yet" },
        { typeof(Users), "Add user" },
        { typeof(Status), "This host follows no log." },
        { typeof(IpDetail), "This IP does not appear in the store." },
    };

    [Fact]
    public void Every_data_page_of_the_dashboard_is_in_these_tests()
    {
        var pages = typeof(WebAppFactory).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Components.DashboardPage)) && !t.IsAbstract);
        Assert.Equal(pages.Select(t => t.Name).Order(), DataPages.Select(row => ((Type)row[0]).Name).Order());
    }

    [Theory]
    [MemberData(nameof(DataPages))]
    public void A_page_says_loading_until_its_data_arrives(Type page, string empty)
    {
        Store.Mode = StoreMode.Pending;
        SignIn("admin");
        var cut = RenderPage(page, ParametersOf(page));
        Assert.Contains("Loading…", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(empty, Text(cut.Markup), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DataPages))]
    public void A_page_whose_store_fails_shows_the_error_and_not_an_empty_page(Type page, string empty)
    {
        Store.Mode = StoreMode.Failing;
        SignIn("admin");
        var cut = RenderPage(page, ParametersOf(page));
        cut.WaitForState(() => cut.FindAll("#page-error").Count == 1);
        Assert.Contains("The database did not answer", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(empty, Text(cut.Markup), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DataPages))]
    public void A_page_with_nothing_stored_says_so(Type page, string empty)
    {
        SignIn("viewer");
        var cut = RenderPage(page, ParametersOf(page));
        cut.WaitForAssertion(() => Assert.Contains(empty, Text(cut.Markup), StringComparison.Ordinal));
        Assert.DoesNotContain("Loading…", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#page-error"));
    }

    [Theory]
    [InlineData(typeof(Tokens))]
    [InlineData(typeof(Users))]
    [InlineData(typeof(Status))]
    public void Tokens_users_and_status_are_for_admins_only(Type page) =>
        Assert.Equal("admin", page.GetCustomAttribute<AuthorizeAttribute>()?.Roles);

    internal static Dictionary<string, object?>? ParametersOf(Type page) =>
        page == typeof(IpDetail) ? new() { ["Address"] = "62.233.50.7" } : null;

    /// <summary>The page's text as a reader sees it: tags removed, white space collapsed.</summary>
    internal static string Text(string markup) => Spaces().Replace(Tags().Replace(markup, " "), " ");

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
