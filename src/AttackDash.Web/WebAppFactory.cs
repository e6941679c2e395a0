using AttackDash.Ingestion.Hosting;
using AttackDash.Storage.Hosting;
using AttackDash.Web.Api;

namespace AttackDash.Web;

/// <summary>Builds the dashboard host: database, follow-mode ingest, and the block-list pull API.</summary>
public static class WebAppFactory
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.Services.AddAttackDashStorage(builder.Configuration);
        builder.Services.AddAttackDashIngestion(builder.Configuration);
        builder.Services.AddAttackDashReview(builder.Configuration);
        builder.Services.AddBlocklistApi(builder.Configuration);
        var app = builder.Build();
        app.MapBlocklistApi();
        // Healthy once the database is reachable and migrated.
        app.MapGet("/healthz", (AttackDashDatabase db) =>
            db.ConnectionStringAsync.IsCompletedSuccessfully ? Results.Text("ok") : Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
