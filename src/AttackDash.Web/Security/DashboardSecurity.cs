using System.Threading.RateLimiting;
using AttackDash.Storage.Accounts;
using AttackDash.Storage.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;

namespace AttackDash.Web.Security;

/// <summary>
/// Login everywhere (cookie backed by a server-side session), two roles, antiforgery, a rate limit on
/// sign-in tries per client, security headers, and the first admin on the first start.
/// </summary>
internal static class DashboardSecurity
{
    public static IServiceCollection AddDashboardSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardSecurityOptions>().Bind(configuration.GetSection(DashboardSecurityOptions.Section))
            .Validate(o => o.LoginTriesPerMinute is > 0 and <= 1000, "Security:LoginTriesPerMinute must be 1 to 1000").ValidateOnStart();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/denied";
            o.Cookie.Name = "attackdash";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = SessionStore.IdleTimeout;
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = SessionCookie.ValidateAsync;
        });
        services.AddAuthorizationBuilder().AddPolicy("admin", p => p.RequireRole(UserService.Admin));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(SignInPartition);
        });
        services.AddHostedService<FirstAdmin>();
        return services;
    }

    /// <summary>POSTs to /login share a fixed window per client address; nothing else is limited here.</summary>
    private static RateLimitPartition<string> SignInPartition(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase))
            return RateLimitPartition.GetNoLimiter("");
        var perMinute = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<DashboardSecurityOptions>>().Value.LoginTriesPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter(SessionCookie.Client(http), _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
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

/// <summary>The Security section.</summary>
public sealed class DashboardSecurityOptions
{
    public const string Section = "Security";

    /// <summary>Sign-in tries one client address may make per minute, before any password is checked (default 10).</summary>
    public int LoginTriesPerMinute { get; set; } = 10;
}

/// <summary>On the very first start, creates the "admin" account and prints its one-time password once.</summary>
internal sealed class FirstAdmin(AttackDashDatabase database, IServiceScopeFactory scopes, ILogger<FirstAdmin> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await database.WhenReadyAsync(stoppingToken);
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<IUserService>().EnsureFirstAdminAsync(stoppingToken) is { } password)
        {
            Console.WriteLine($"AttackDash: first start: user 'admin', one-time password '{password}' (it must be changed at the first sign-in, which ends it)");
            Log.FirstAdminCreated(logger);
        }
    }
}
