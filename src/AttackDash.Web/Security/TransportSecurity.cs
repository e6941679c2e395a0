using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace AttackDash.Web.Security;

/// <summary>
/// The Proxy section: the dashboard behind a reverse proxy (nginx, Caddy) that terminates TLS. Only the
/// proxies named here are believed about the client's address and scheme; with none named and
/// Enabled false, X-Forwarded-* headers are ignored.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Trust X-Forwarded-For and -Proto from loopback (a proxy on this host), besides the lists below.</summary>
    public bool Enabled { get; set; }

    /// <summary>Addresses of trusted proxies, e.g. "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies, e.g. "172.18.0.0/16" (a compose network).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool InUse => Enabled || KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

/// <summary>HTTPS directly (Kestrel:Endpoints:Https, see the README) or through a trusted proxy: HSTS and Secure cookies whenever the request is HTTPS.</summary>
internal static class TransportSecurity
{
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProxyOptions>().Bind(configuration.GetSection(ProxyOptions.Section))
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "Proxy:KnownProxies holds addresses, e.g. 10.0.0.5")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "Proxy:KnownNetworks holds networks, e.g. 172.18.0.0/16")
            .ValidateOnStart();
        var proxy = configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var p in proxy.KnownProxies)
                o.KnownProxies.Add(IPAddress.Parse(p));
            foreach (var n in proxy.KnownNetworks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    public static IApplicationBuilder UseTransportSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ProxyOptions>>().Value.InUse)
            app.UseForwardedHeaders();
        // Sent on HTTPS requests only (direct, or forwarded as https by a trusted proxy).
        app.UseHsts();
        return app;
    }
}
