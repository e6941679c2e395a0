using System.Security.Claims;
using AttackDash.Web.Components.Pages;
using AttackDash.Web.Components.Pages.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AttackDash.Web.Tests.Pages;

/// <summary>The static pages of accounts: signing in, the first change of a one-time password, and the viewer's refusal.</summary>
public sealed class AccountPagesTests : PageTest
{
    private static HttpContext Request(string? user = null) => new DefaultHttpContext
    {
        User = user is null ? new ClaimsPrincipal() : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], "test")),
    };

    [Fact]
    public void A_wrong_password_gets_the_one_message_that_tells_nothing_about_the_account()
    {
        var cut = Render<Login>(p => p.AddCascadingValue(Request()));
        cut.Find("#name").Change("alice");
        cut.Find("#password").Change("guess");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("Wrong user name or password.", cut.Markup, StringComparison.Ordinal));
        Assert.Contains("sign-in alice", Store.Changes);
    }

    [Fact]
    public void A_viewer_sent_to_an_admin_page_is_told_how_an_admin_role_is_given()
    {
        var cut = Render<Denied>();
        Assert.Contains("That page is for admins", cut.Find("#not-allowed").TextContent, StringComparison.Ordinal);
        Assert.Contains("attackdash user add NAME --role admin", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(Store.Changes);
    }

    [Fact]
    public void Two_different_new_passwords_are_refused_before_the_store_is_asked()
    {
        var cut = Render<Password>(p => p.AddCascadingValue(Request("alice")));
        cut.Find("#current").Change("one-time");
        cut.Find("#next").Change("correct horse battery staple");
        cut.Find("#again").Change("correct horse battery stapler");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Contains("The two new passwords differ.", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(Store.Changes);
    }

    [Fact]
    public void A_changed_password_leads_to_the_overview()
    {
        var cut = Render<Password>(p => p.AddCascadingValue(Request("alice")));
        cut.Find("#current").Change("one-time");
        cut.Find("#next").Change("correct horse battery staple");
        cut.Find("#again").Change("correct horse battery staple");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Assert.Equal("http://localhost/", Services.GetRequiredService<NavigationManager>().Uri));
        Assert.Equal(["password alice"], Store.Changes);
    }
}
