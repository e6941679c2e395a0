using AttackDash.Ingestion.Hosting;
using AttackDash.Operations;
using AttackDash.Operations.Alerts;
using AttackDash.Operations.Configuration;
using AttackDash.Storage.Hosting;
using AttackDash.Web.Blocking.Api;
using AttackDash.Web.Components;
using AttackDash.Web.Live;
using AttackDash.Web.Security;
using Microsoft.Extensions.FileProviders;

namespace AttackDash.Web;

/// <summary>Builds the dashboard host: database, follow-mode ingest, weekly review, pull API and the pages.</summary>
public static class WebAppFactory
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Named explicitly: a test host would otherwise look for its own static-asset manifests. The content root is
        // where appsettings.json and wwwroot are, beside the binary, not the working directory: the single-file
        // publish, started from "/", walked the whole file system before it listened.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args, ApplicationName = typeof(WebAppFactory).Assembly.GetName().Name, ContentRootPath = AppContext.BaseDirectory,
        });
        // Resolves Blazor's own script from the build output too (dotnet run, tests); a published app has it in wwwroot.
        builder.WebHost.UseStaticWebAssets();
        builder.Configuration.AddAttackDashSources();
        configure?.Invoke(builder);
        // Under systemd: READY=1 once listening, for Type=notify, and log lines that carry journald
        // priorities, so that `journalctl -p warning` shows a database outage. Elsewhere nothing changes.
        builder.Services.AddSystemd();
        builder.Services.AddAttackDashStorage(builder.Configuration);
        builder.Services.AddAttackDashIngestion(builder.Configuration);
        builder.Services.AddAttackDashReview(builder.Configuration).AddReviewWorker();
        builder.Services.AddBlockingPolicies(builder.Configuration).AddLiveProposals();
        builder.Services.AddAttackDashAlerts(builder.Configuration);
        builder.Services.AddBlocklistApi(builder.Configuration);
        builder.Services.AddDashboardSecurity(builder.Configuration);
        builder.Services.AddTransportSecurity(builder.Configuration);
        builder.Services.AddDashboardLive(builder.Configuration);
        builder.Services.AddDashboardMetrics();
        builder.Services.AddHostedService<DemoData>();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        var app = builder.Build();
        app.UseTransportSecurity();
        app.UseSecurityHeaders();
        app.UseMetricsOnLoopback();
        // The dashboard's styles and scripts live in the repository's top-level wwwroot, copied beside the binaries.
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot")) });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UsePasswordChangeGate();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapBlocklistApi();
        app.MapHealth();
        app.MapLogout();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization();
        return app;
    }
}
