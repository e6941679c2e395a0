using System.Security.Cryptography;
using AttackDash.Storage.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AttackDash.Storage.Accounts;

/// <summary>An account as the CLI and the Users page list it.</summary>
public sealed record UserInfo(string Name, string Role, bool Disabled, bool MustChangePassword, DateTimeOffset CreatedAt, int Sessions, DateTimeOffset? LastSeen);

/// <summary>A refused account change, with the reason for the operator.</summary>
public sealed class AccountException(string message) : Exception(message);

/// <summary>
/// Dashboard accounts: Identity's password hasher and two roles. There is no default password: a
/// generated one (the first admin, a new account, a reset) is shown once and must be changed at the
/// first sign-in. Every change is audited, and every change of who may do what ends the account's sessions.
/// </summary>
public sealed partial class UserService(NpgsqlDataSource dataSource, TimeProvider? clock = null) : IUserService
{
    public const string Admin = "admin";
    public const string Viewer = "viewer";
    public const int MinPasswordLength = 12;

    private static readonly PasswordHasher<UserRow> Hasher = new();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <inheritdoc/>
    public async Task<string> CreateAsync(string name, string role, string actor = "system", CancellationToken ct = default)
    {
        CheckRole(role);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64 || name.Any(char.IsControl))
            throw new AccountException("a user name is 1 to 64 printable characters");
        await using var db = Open();
        if (await db.Users.AnyAsync(u => u.Name == name, ct))
            throw new AccountException($"a user named '{name}' exists already");
        var password = NewPassword();
        var user = new UserRow { Name = name, Role = role, PasswordHash = "", CreatedAt = _clock.GetUtcNow(), MustChangePassword = true };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.Users.Add(user);
        db.AuditLog.Add(Audit(actor, "user-add", name, role));
        await db.SaveChangesAsync(ct);
        return password;
    }

    /// <inheritdoc/>
    public async Task<string?> EnsureFirstAdminAsync(CancellationToken ct = default)
    {
        await using var db = Open();
        return await db.Users.AnyAsync(ct) ? null : await CreateAsync("admin", Admin, "system", ct);
    }

    /// <inheritdoc/>
    public async Task<List<UserInfo>> ListAsync(CancellationToken ct = default)
    {
        await using var db = Open();
        return await db.Users.OrderBy(u => u.Name).Select(u => new UserInfo(u.Name, u.Role, u.Disabled, u.MustChangePassword, u.CreatedAt,
            db.UserSessions.Count(s => s.UserId == u.Id), db.UserSessions.Where(s => s.UserId == u.Id).Max(s => (DateTimeOffset?)s.LastSeenAt))).ToListAsync(ct);
    }

    /// <inheritdoc/>
    public async Task ChangePasswordAsync(string name, string current, string next, string? keepSession, CancellationToken ct = default)
    {
        await using var db = Open();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Name == name && !u.Disabled, ct);
        if (user is null || Hasher.VerifyHashedPassword(user, user.PasswordHash, current) == PasswordVerificationResult.Failed)
            throw new AccountException("the current password is wrong");
        if (next.Length < MinPasswordLength)
            throw new AccountException($"the new password needs at least {MinPasswordLength} characters");
        if (next == current)
            throw new AccountException("the new password must differ from the current one");
        user.PasswordHash = Hasher.HashPassword(user, next);
        user.MustChangePassword = false;
        await SessionStore.RevokeAllAsync(db, user.Id, ct, keepSession);
        db.AuditLog.Add(Audit(name, "password-change", name, null));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static void CheckRole(string role)
    {
        if (role is not (Admin or Viewer))
            throw new AccountException($"a role is {Admin} or {Viewer}, not '{role}'");
    }

    private AuditRow Audit(string actor, string action, string target, string? reason) =>
        new() { At = _clock.GetUtcNow(), Actor = actor, Action = action, Target = target, Reason = reason };

    private static string NewPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y');

    private AttackDashDbContext Open() => AttackDashDbContext.Create(dataSource);
}
