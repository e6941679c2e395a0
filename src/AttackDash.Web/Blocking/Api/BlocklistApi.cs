using System.Net;
using AttackDash.Core.Blocking.Export;
using AttackDash.Web.Live;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AttackDash.Web.Blocking.Api;

/// <summary><c>GET /api/blocklist/{format}</c>: the active block list for firewall hosts, with a bearer token and ETags.</summary>
public static class BlocklistApi
{
    public static IServiceCollection AddBlocklistApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BlocklistApiOptions>().Bind(configuration.GetSection(BlocklistApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TokenGate>();
        services.AddSingleton<BlocklistCache>();
        return services;
    }

    public static IEndpointRouteBuilder MapBlocklistApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/blocklist/{format}", GetAsync);
        return app;
    }

    private static async Task<IResult> GetAsync(string format, HttpContext http, TokenGate gate, BlocklistCache cache, WebMetrics metrics, CancellationToken ct)
    {
        var client = http.Connection.RemoteIpAddress ?? IPAddress.None;
        switch (await gate.CheckAsync(client, http.Request.Headers.Authorization.ToString(), ct))
        {
            case TokenGate.Verdict.LockedOut:
                metrics.Pulled("locked_out");
                http.Response.Headers.RetryAfter = "300";
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            case TokenGate.Verdict.Denied:
                metrics.Pulled("unauthorized");
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return Results.Unauthorized();
        }
        if (BlocklistExporters.Find(format) is not { } exporter)
        {
            metrics.Pulled("unknown_format");
            return Results.NotFound($"unknown format '{format}' (known: {string.Join(", ", BlocklistExporters.All.Select(e => e.Format))})");
        }
        var rendered = await cache.GetAsync(exporter, ct);
        http.Response.Headers.ETag = rendered.ETag;
        http.Response.Headers.CacheControl = "no-cache";
        var unchanged = http.Request.Headers.IfNoneMatch.Any(v => v == rendered.ETag);
        metrics.Pulled(unchanged ? "not_modified" : "ok");
        if (unchanged)
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Text(rendered.Body, rendered.ContentType);
    }

}
