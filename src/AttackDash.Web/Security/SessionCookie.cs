using System.Security.Claims;
using AttackDash.Storage.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AttackDash.Web.Security;

/// <summary>
/// The sign-in cookie is a pointer to a server-side session (<see cref="SessionStore"/>): it is checked
/// on every request, so logout, a password or role change, disabling and removing an account end it at
/// once. Until a one-time password is changed, only the password page opens.
/// </summary>
internal static class SessionCookie
{
    public const string SessionClaim = "attackdash:session";
    public const string PasswordPage = "/account/password";
    private const string MustChange = "attackdash:must-change-password";

    public static ClaimsPrincipal Principal(SignedIn s) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, s.Name), new Claim(ClaimTypes.Role, s.Role), new Claim(SessionClaim, s.SessionToken)],
        CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>The address failures and rate limits are keyed on: the connection's, or the forwarded client's behind a known proxy.</summary>
    public static string Client(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var user = await CurrentAsync(context.HttpContext.RequestServices, context.Principal);
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        context.HttpContext.Items[MustChange] = user.MustChangePassword;
    }

    /// <summary>The session's user, or null when the session is gone or no longer matches the principal's role.</summary>
    public static async Task<SessionUser?> CurrentAsync(IServiceProvider services, ClaimsPrincipal? principal)
    {
        if (principal?.FindFirstValue(SessionClaim) is not { } token)
            return null;
        var user = await services.GetRequiredService<SessionStore>().ValidateAsync(token);
        return user is not null && principal.IsInRole(user.Role) && principal.Identity?.Name == user.Name ? user : null;
    }

    /// <summary>Keeps a user with a one-time password on the password page: pages redirect there, circuits are refused.</summary>
    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var path = http.Request.Path;
        if (http.Items[MustChange] is true && !path.StartsWithSegments(PasswordPage) && !path.StartsWithSegments("/logout"))
        {
            if (path.StartsWithSegments("/_blazor"))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            if (HttpMethods.IsGet(http.Request.Method) && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
            {
                http.Response.Redirect(PasswordPage);
                return;
            }
        }
        await next();
    });

    /// <summary>POST /logout with an antiforgery token: ends the session on the server, then the cookie.</summary>
    public static void MapLogout(this IEndpointRouteBuilder app) => app.MapPost("/logout", async (HttpContext http, IAntiforgery antiforgery, SessionStore sessions) =>
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.BadRequest("sign out from the dashboard's own button");
        if (http.User.FindFirstValue(SessionClaim) is { } token)
            await sessions.RevokeAsync(token);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect("/login");
    }).DisableAntiforgery();
}
