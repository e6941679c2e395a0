using AttackDash.Storage.Hosting;
using AttackDash.Web.Components;
using AttackDash.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AttackDash.Web.Tests;

/// <summary>Page refreshes on a store change were fire-and-forget: one that failed stopped the page's updates silently.</summary>
public sealed class LiveRefreshTests : BunitContext
{
    [Fact]
    public async Task A_live_refresh_that_fails_reaches_the_renderer_instead_of_being_dropped()
    {
        Services.AddSingleton<AttackDashDatabase>();
        Services.AddSingleton(Options.Create(new DashboardOptions()));
        Services.AddSingleton<ILogger<StoreChanges>>(NullLogger<StoreChanges>.Instance);
        Services.AddSingleton<StoreChanges>();
        Services.AddScoped<ViewerClock>();
        JSInterop.Mode = JSRuntimeMode.Loose;
        AddAuthorization();
        Render<FailingPage>();

        Services.GetRequiredService<StoreChanges>().Raise();

        var error = await Renderer.UnhandledException.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("the store went away", error.Message);
    }

    private sealed class FailingPage : DashboardPage
    {
        private int _loads;

        // The first load succeeds; the live refresh after it fails.
        protected override Task RefreshAsync() => _loads++ == 0 ? Task.CompletedTask : throw new InvalidOperationException("the store went away");
    }
}
