using System.Net;
using AttackDash.Ingestion;
using OpenTelemetry.Metrics;

namespace AttackDash.Web.Live;

/// <summary>
/// Prometheus text at /metrics for clients on loopback only (a scraper or node exporter on this host, or
/// an SSH tunnel): behind a trusted proxy the real client's address counts, so it is not exposed through
/// the proxy either. Besides ours: ASP.NET Core's request and Kestrel meters (not Npgsql's: their labels
/// carry the connection string, user and host included).
/// </summary>
public static class Metrics
{
    public static IServiceCollection AddDashboardMetrics(this IServiceCollection services)
    {
        services.AddSingleton<StoreMetrics>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreMetrics>());
        services.AddSingleton<WebMetrics>();
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(IngestMetrics.MeterName, WebMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        return services;
    }

    public static void UseMetricsOnLoopback(this IApplicationBuilder app) => app.UseOpenTelemetryPrometheusScrapingEndpoint(IsScrape);

    internal static bool IsScrape(HttpContext http) => http.Request.Path == "/metrics" && IsLoopback(http);

    /// <summary>Whether the client is on this host (behind a trusted proxy: the real client, so never the proxy's users).</summary>
    internal static bool IsLoopback(HttpContext http) => http.Connection.RemoteIpAddress is { } client && IPAddress.IsLoopback(client);
}
