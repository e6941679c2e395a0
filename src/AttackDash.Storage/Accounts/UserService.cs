using System.Security.Cryptography;
using AttackDash.Storage.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AttackDash.Storage.Accounts;

public enum SignInResult
{
    Success,
    WrongCredentials,
    LockedOut,
}

/// <summary>
/// Dashboard accounts: Identity's password hasher, a lockout after repeated failures, two roles. There
/// is no default password: the first admin's is generated and shown once.
/// </summary>
public sealed class UserService(string connectionString, TimeProvider? clock = null)
{
    public const string Admin = "admin";
    public const string Viewer = "viewer";
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutFor = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<UserRow> Hasher = new();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Creates an account with a generated password, returned once.</summary>
    public async Task<string> CreateAsync(string name, string role, CancellationToken ct = default)
    {
        if (role is not (Admin or Viewer))
            throw new ArgumentException($"role must be {Admin} or {Viewer}", nameof(role));
        await using var db = Open();
        if (await db.Users.AnyAsync(u => u.Name == name, ct))
            throw new InvalidOperationException($"a user named '{name}' exists already");
        var password = NewPassword();
        var user = new UserRow { Name = name, Role = role, PasswordHash = "", CreatedAt = _clock.GetUtcNow() };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.Users.Add(user);
        db.AuditLog.Add(new AuditRow { At = user.CreatedAt, Actor = "system", Action = "user-add", Target = name, Reason = role });
        await db.SaveChangesAsync(ct);
        return password;
    }

    /// <summary>On the first start (no account at all) creates "admin" and returns its password; otherwise null.</summary>
    public async Task<string?> EnsureFirstAdminAsync(CancellationToken ct = default)
    {
        await using var db = Open();
        return await db.Users.AnyAsync(ct) ? null : await CreateAsync("admin", Admin, ct);
    }

    public async Task<(SignInResult Result, string? Role)> SignInAsync(string name, string password, CancellationToken ct = default)
    {
        await using var db = Open();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Name == name, ct);
        var now = _clock.GetUtcNow();
        if (user is null)
        {
            // Same work as a real check, so that timing does not tell which names exist.
            Hasher.VerifyHashedPassword(new UserRow { Name = "", Role = "", PasswordHash = "" }, DummyHash, password);
            return (SignInResult.WrongCredentials, null);
        }
        if (user.LockedUntil > now)
            return (SignInResult.LockedOut, null);
        if (Hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            user.FailedLogins++;
            if (user.FailedLogins >= MaxFailures)
            {
                user.LockedUntil = now + LockoutFor;
                user.FailedLogins = 0;
            }
            await db.SaveChangesAsync(ct);
            return (user.LockedUntil > now ? SignInResult.LockedOut : SignInResult.WrongCredentials, null);
        }
        user.FailedLogins = 0;
        user.LockedUntil = null;
        await db.SaveChangesAsync(ct);
        return (SignInResult.Success, user.Role);
    }

    private static readonly string DummyHash = Hasher.HashPassword(new UserRow { Name = "", Role = "", PasswordHash = "" }, "dummy");

    private static string NewPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y');

    private AttackDashDbContext Open() => new(AttackDashDbContext.Options(connectionString));
}
