using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace AttackDash.Web.Security;

/// <summary>
/// A Blazor circuit outlives the request that opened it: its session is checked again every
/// <see cref="RevalidationInterval"/>, and a revoked one turns the circuit's user anonymous.
/// </summary>
internal sealed class SessionRevalidation(ILoggerFactory loggerFactory, IServiceProvider services)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(15);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        await SessionCookie.CurrentAsync(services, authenticationState.User) is { MustChangePassword: false };
}
