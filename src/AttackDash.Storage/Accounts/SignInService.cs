using AttackDash.Storage.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AttackDash.Storage.Accounts;

/// <summary>A sign-in that succeeded: the session token for the cookie, the role, and whether the password must be changed first.</summary>
public sealed record SignedIn(string SessionToken, string Name, string Role, bool MustChangePassword);

/// <summary>
/// Checks a password, throttled per (account, client address) with <see cref="LoginBackoff"/>. Every
/// try is claimed in one SQL statement before the password is checked, so concurrent guesses cannot
/// beat the count. An unknown, disabled or throttled account costs the same hash as a real check and
/// gets the same answer as a wrong password. Every failure is audited.
/// </summary>
/// <param name="hasher">Identity's hasher unless given (a test counts the checks).</param>
public sealed class SignInService(NpgsqlDataSource dataSource, TimeProvider? clock = null, IPasswordHasher<UserRow>? hasher = null) : ISignInService
{
    private static readonly UserRow Nobody = new() { Name = "", Role = "", PasswordHash = "" };
    private static readonly string DummyHash = new PasswordHasher<UserRow>().HashPassword(Nobody, "dummy");
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly IPasswordHasher<UserRow> _hasher = hasher ?? new PasswordHasher<UserRow>();

    /// <inheritdoc/>
    public async Task<SignedIn?> SignInAsync(string name, string password, string client, CancellationToken ct = default)
    {
        name = Bounded(name.Trim());
        var now = _clock.GetUtcNow();
        await using var db = Open();
        var allowed = await ClaimTryAsync(db, name, client, now, ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Name == name, ct);
        var checkable = allowed && user is { Disabled: false };
        var ok = _hasher.VerifyHashedPassword(checkable ? user! : Nobody, checkable ? user!.PasswordHash : DummyHash, password)
            != PasswordVerificationResult.Failed && checkable;
        if (!ok)
        {
            var why = !allowed ? "backing off" : user is null ? "no such account" : user.Disabled ? "account disabled" : "wrong password";
            db.AuditLog.Add(new AuditRow { At = now, Actor = client, Action = "login-failed", Target = name, Reason = why });
            await db.SaveChangesAsync(ct);
            return null;
        }
        await db.LoginFailures.Where(f => f.Account == name && f.Client == client).ExecuteDeleteAsync(ct);
        var token = SessionStore.Create(db, user!.Id, client, now);
        db.AuditLog.Add(new AuditRow { At = now, Actor = name, Action = "login", Target = name, Reason = client });
        await db.SaveChangesAsync(ct);
        return new SignedIn(token, user.Name, user.Role, user.MustChangePassword);
    }

    /// <summary>Counts this try as a failure unless the pair is backing off (then false); a success deletes the count. Old counts are pruned on the way.</summary>
    private static async Task<bool> ClaimTryAsync(AttackDashDbContext db, string name, string client, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Database.SqlQueryRaw<int>(ClaimSql, new NpgsqlParameter("a", name), new NpgsqlParameter("c", client), new NpgsqlParameter("now", now)).ToListAsync(ct);
        return rows.Count == 1;
    }

    private static readonly string ClaimSql = $"""
            WITH pruned AS (DELETE FROM login_failures WHERE last_failure < @now - interval '1 day' AND next_allowed <= @now
                            AND NOT (account = @a AND client = @c))
            INSERT INTO login_failures (account, client, failures, last_failure, next_allowed) VALUES (@a, @c, 1, @now, @now)
            ON CONFLICT (account, client) DO UPDATE SET failures = login_failures.failures + 1, last_failure = @now,
                next_allowed = @now + {LoginBackoff.Sql("login_failures.failures + 1")}
            WHERE login_failures.next_allowed <= @now
            RETURNING failures AS "Value"
        """;

    /// <summary>Attacker-chosen names go into keys and the audit log: keep them short.</summary>
    private static string Bounded(string s) => s.Length <= 64 ? s : s[..64];

    private AttackDashDbContext Open() => AttackDashDbContext.Create(dataSource);
}
