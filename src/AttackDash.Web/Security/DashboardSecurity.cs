using AttackDash.Storage.Accounts;
using AttackDash.Storage.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AttackDash.Web.Security;

/// <summary>Login everywhere (cookie), two roles, antiforgery, security headers, and the first admin on the first start.</summary>
internal static class DashboardSecurity
{
    public static IServiceCollection AddDashboardSecurity(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/denied";
            o.Cookie.Name = "attackdash";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
        });
        services.AddAuthorizationBuilder().AddPolicy("admin", p => p.RequireRole(UserService.Admin));
        services.AddCascadingAuthenticationState();
        services.AddHostedService<FirstAdmin>();
        return services;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var h = http.Response.Headers;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
        await next();
    });
}

/// <summary>On the very first start, creates the "admin" account and prints its one-time password once.</summary>
internal sealed class FirstAdmin(AttackDashDatabase database, ILogger<FirstAdmin> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = await database.ConnectionStringAsync.WaitAsync(stoppingToken);
        if (await new UserService(connectionString).EnsureFirstAdminAsync(stoppingToken) is { } password)
        {
            Console.WriteLine($"AttackDash: first start: user 'admin', password '{password}' (shown only this once; attackdash user add creates more)");
            Log.FirstAdminCreated(logger);
        }
    }
}
