using AttackDash.Storage.Accounts;
using Microsoft.AspNetCore.Components.Authorization;

namespace AttackDash.Web.Components.Shared;

/// <summary>The signed-in user as the block list records it, and whether it may change blocks.</summary>
public sealed record Actor(string Name, bool IsAdmin)
{
    /// <summary>Read at the moment of the action: hidden buttons are not a permission check.</summary>
    public static async Task<Actor> OfAsync(AuthenticationStateProvider auth)
    {
        var user = (await auth.GetAuthenticationStateAsync()).User;
        return new Actor(user.Identity?.Name ?? "?", user.IsInRole(UserService.Admin));
    }
}
