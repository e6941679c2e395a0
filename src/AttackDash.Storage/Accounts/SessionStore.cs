using System.Security.Cryptography;
using AttackDash.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AttackDash.Storage.Accounts;

/// <summary>Who a valid session belongs to, as read on each request and each circuit revalidation.</summary>
public sealed record SessionUser(string Name, string Role, bool MustChangePassword);

/// <summary>
/// Server-side sessions: a cookie is only as good as its row. Logout deletes the row; a password,
/// role or disable change and a removal delete all of the account's rows, so old cookies stop working
/// at once instead of at their expiry.
/// </summary>
public sealed class SessionStore(NpgsqlDataSource dataSource, TimeProvider? clock = null)
{
    /// <summary>A session not seen for this long is over, whatever its cookie says.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(12);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <returns>The session's user, or null when it was revoked, timed out or its account disabled.</returns>
    public async Task<SessionUser?> ValidateAsync(string token, CancellationToken ct = default)
    {
        var id = Hash(token);
        var now = _clock.GetUtcNow();
        await using var db = Open();
        var row = await (from s in db.UserSessions
                         join u in db.Users on s.UserId equals u.Id
                         where s.Id == id && !u.Disabled && s.LastSeenAt > now - IdleTimeout
                         select new { s.LastSeenAt, User = new SessionUser(u.Name, u.Role, u.MustChangePassword) }).SingleOrDefaultAsync(ct);
        if (row is null)
            return null;
        // Sliding, but written at most once a minute per session.
        if (now - row.LastSeenAt > TimeSpan.FromMinutes(1))
            await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
        return row.User;
    }

    /// <summary>Ends one session (logout). Never throws for a session that is already gone.</summary>
    public async Task RevokeAsync(string token, CancellationToken ct = default)
    {
        var id = Hash(token);
        await using var db = Open();
        await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(ct);
    }

    /// <summary>Adds a session to <paramref name="db"/> (saved with the caller's changes) and returns its token for the cookie.</summary>
    internal static string Create(AttackDashDbContext db, long userId, string client, DateTimeOffset now)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        db.UserSessions.Add(new UserSessionRow { Id = Hash(token), UserId = userId, CreatedAt = now, LastSeenAt = now, Client = client });
        return token;
    }

    /// <summary>Ends every session of the account, except <paramref name="keepToken"/>'s when given (the one a password was changed from).</summary>
    internal static Task<int> RevokeAllAsync(AttackDashDbContext db, long userId, CancellationToken ct, string? keepToken = null)
    {
        var keep = keepToken is null ? null : Hash(keepToken);
        return db.UserSessions.Where(s => s.UserId == userId && s.Id != keep).ExecuteDeleteAsync(ct);
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private AttackDashDbContext Open() => AttackDashDbContext.Create(dataSource);
}
