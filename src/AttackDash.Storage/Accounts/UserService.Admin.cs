using AttackDash.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace AttackDash.Storage.Accounts;

/// <summary>What an admin (CLI or Users page) does to other accounts. None leaves the store without an enabled admin.</summary>
public sealed partial class UserService
{
    /// <inheritdoc/>
    public Task DisableAsync(string name, string actor, CancellationToken ct = default) =>
        ChangeAsync(name, actor, "user-disable", null, u => u.Disabled = true, ct);

    /// <inheritdoc/>
    public Task EnableAsync(string name, string actor, CancellationToken ct = default) =>
        ChangeAsync(name, actor, "user-enable", null, u => u.Disabled = false, ct);

    /// <inheritdoc/>
    public Task SetRoleAsync(string name, string role, string actor, CancellationToken ct = default)
    {
        CheckRole(role);
        return ChangeAsync(name, actor, "user-role", role, u => u.Role = role, ct);
    }

    /// <inheritdoc/>
    public async Task<string> ResetPasswordAsync(string name, string actor, CancellationToken ct = default)
    {
        var password = NewPassword();
        await ChangeAsync(name, actor, "user-passwd", "reset to a one-time password", u =>
        {
            u.PasswordHash = Hasher.HashPassword(u, password);
            u.MustChangePassword = true;
        }, ct);
        return password;
    }

    /// <inheritdoc/>
    public async Task RemoveAsync(string name, string actor, CancellationToken ct = default)
    {
        await using var db = Open();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Name == name, ct) ?? throw new AccountException($"no user named '{name}'");
        db.Users.Remove(user);
        await EnsureAnAdminRemainsAsync(db, user, ct);
        db.AuditLog.Add(Audit(actor, "user-remove", name, null));
        await db.SaveChangesAsync(ct);
    }

    /// <inheritdoc/>
    public async Task<int> UnlockAsync(string name, string actor, CancellationToken ct = default)
    {
        await using var db = Open();
        if (!await db.Users.AnyAsync(u => u.Name == name, ct))
            throw new AccountException($"no user named '{name}'");
        var cleared = await db.LoginFailures.Where(f => f.Account == name).ExecuteDeleteAsync(ct);
        db.AuditLog.Add(Audit(actor, "user-unlock", name, $"{cleared} clients"));
        await db.SaveChangesAsync(ct);
        return cleared;
    }

    /// <summary>Applies a change, ends the account's sessions, and audits it, in one transaction.</summary>
    private async Task ChangeAsync(string name, string actor, string action, string? reason, Action<UserRow> change, CancellationToken ct)
    {
        await using var db = Open();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Name == name, ct) ?? throw new AccountException($"no user named '{name}'");
        change(user);
        await EnsureAnAdminRemainsAsync(db, user, ct);
        await SessionStore.RevokeAllAsync(db, user.Id, ct);
        db.AuditLog.Add(Audit(actor, action, name, reason));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static async Task EnsureAnAdminRemainsAsync(AttackDashDbContext db, UserRow changed, CancellationToken ct)
    {
        var removed = db.Entry(changed).State == EntityState.Deleted;
        if (!removed && changed is { Role: Admin, Disabled: false })
            return;
        if (!await db.Users.AnyAsync(u => u.Id != changed.Id && u.Role == Admin && !u.Disabled, ct))
            throw new AccountException($"'{changed.Name}' is the last enabled admin: add or enable another admin first");
    }
}
