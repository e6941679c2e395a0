namespace AttackDash.Storage.Accounts;

/// <summary>What <see cref="UserService"/> offers the pages, the API and the commands; pages are tested against fakes of it.</summary>
public interface IUserService
{
    /// <summary>Creates an account with a generated one-time password, returned once.</summary>
    Task<string> CreateAsync(string name, string role, string actor = "system", CancellationToken ct = default);

    /// <summary>On the first start (no account at all) creates "admin" and returns its one-time password; otherwise null.</summary>
    Task<string?> EnsureFirstAdminAsync(CancellationToken ct = default);

    Task<List<UserInfo>> ListAsync(CancellationToken ct = default);

    /// <summary>Changes the caller's own password; ends every other session of the account.</summary>
    /// <param name="keepSession">The caller's session token, which stays valid.</param>
    Task ChangePasswordAsync(string name, string current, string next, string? keepSession, CancellationToken ct = default);

    Task DisableAsync(string name, string actor, CancellationToken ct = default);

    Task EnableAsync(string name, string actor, CancellationToken ct = default);

    Task SetRoleAsync(string name, string role, string actor, CancellationToken ct = default);

    /// <summary>Replaces the password with a generated one-time password, returned once.</summary>
    Task<string> ResetPasswordAsync(string name, string actor, CancellationToken ct = default);

    Task RemoveAsync(string name, string actor, CancellationToken ct = default);

    /// <summary>Forgets the account's failed sign-ins, so that no client waits any more; returns how many clients were waiting.</summary>
    Task<int> UnlockAsync(string name, string actor, CancellationToken ct = default);
}
