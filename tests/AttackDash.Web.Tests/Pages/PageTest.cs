using AttackDash.Ingestion.Hosting;
using AttackDash.Storage.Hosting;
using AttackDash.Web.Components.Layout;
using AttackDash.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AttackDash.Web.Tests.Pages;

/// <summary>
/// A page rendered in bUnit against <see cref="FakeStore"/>, signed in as an admin or a viewer, with
/// JavaScript (charts, the viewer's time zone) answered loosely: what the page itself shows.
/// </summary>
public abstract class PageTest : BunitContext
{
    protected PageTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        foreach (var service in typeof(FakeStore).GetInterfaces())
            Services.AddSingleton(service, Store);
        Services.AddLogging();
        Services.AddSingleton<AttackDashDatabase>();
        Services.AddSingleton(Options.Create(new DashboardOptions()));
        Services.AddSingleton<StoreChanges>();
        Services.AddScoped<ViewerClock>();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<FollowStatus>();
    }

    protected FakeStore Store { get; } = new();

    /// <summary>Signs in as alice with the role "admin" or "viewer".</summary>
    protected void SignIn(string role) => AddAuthorization().SetAuthorized("alice").SetRoles(role);

    /// <summary>The page inside the layout's error boundary, as the dashboard shows it.</summary>
    protected IRenderedComponent<PageErrorBoundary> RenderPage(Type page, IDictionary<string, object?>? parameters = null)
    {
        // After every service is added: setting it starts the renderer, which closes the container.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<PageErrorBoundary>(b => b.AddChildContent(child =>
        {
            child.OpenComponent(0, page);
            if (parameters is not null)
                child.AddMultipleAttributes(1, parameters!);
            child.CloseComponent();
        }));
    }

    protected IRenderedComponent<PageErrorBoundary> RenderPage<TPage>(IDictionary<string, object?>? parameters = null) where TPage : IComponent =>
        RenderPage(typeof(TPage), parameters);
}
