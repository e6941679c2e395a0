namespace AttackDash.Storage.Accounts;

/// <summary>What <see cref="SignInService"/> offers the pages, the API and the commands; pages are tested against fakes of it.</summary>
public interface ISignInService
{
    /// <returns>The new session, or null for every kind of failure alike. Never says which.</returns>
    Task<SignedIn?> SignInAsync(string name, string password, string client, CancellationToken ct = default);
}
