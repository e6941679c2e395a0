namespace AttackDash.Storage.Blocking;

/// <summary>What <see cref="TokenService"/> offers the pages, the API and the commands; pages are tested against fakes of it.</summary>
public interface ITokenService
{
    /// <returns>The token, to hand to the firewall host; it cannot be shown again.</returns>
    Task<string> CreateAsync(string name, string actor, CancellationToken ct = default);

    Task RevokeAsync(string name, string actor, CancellationToken ct = default);

    /// <summary>The hashes of the tokens in force, for the API's in-memory check.</summary>
    Task<HashSet<string>> ActiveHashesAsync(CancellationToken ct = default);

    Task<List<(string Name, DateTimeOffset Created, DateTimeOffset? Revoked)>> ListAsync(CancellationToken ct = default);
}
