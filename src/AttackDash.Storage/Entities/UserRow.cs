namespace AttackDash.Storage.Entities;

/// <summary>A dashboard account. The password is kept as an ASP.NET Core Identity hash.</summary>
public sealed class UserRow
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string PasswordHash { get; set; }

    /// <summary>"admin" (may change blocks) or "viewer".</summary>
    public required string Role { get; set; }

    /// <summary>A disabled account cannot sign in, and its sessions are gone.</summary>
    public bool Disabled { get; set; }

    /// <summary>Set for a generated password (the first admin, a reset): no page opens until it is changed.</summary>
    public bool MustChangePassword { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A signed-in browser. The cookie carries the token; only its SHA-256 is stored, and deleting the row ends the session.</summary>
public sealed class UserSessionRow
{
    public required string Id { get; set; }
    public long UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public string? Client { get; set; }
}

/// <summary>Failed sign-ins of one account from one client address, with the time before which that pair is not checked again.</summary>
public sealed class LoginFailureRow
{
    public required string Account { get; set; }
    public required string Client { get; set; }
    public int Failures { get; set; }
    public DateTimeOffset LastFailure { get; set; }
    public DateTimeOffset NextAllowed { get; set; }
}
