namespace AttackDash.Storage.Entities;

/// <summary>A dashboard account. The password is kept as an ASP.NET Core Identity hash.</summary>
public sealed class UserRow
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string PasswordHash { get; set; }

    /// <summary>"admin" (may change blocks) or "viewer".</summary>
    public required string Role { get; set; }
    public int FailedLogins { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
