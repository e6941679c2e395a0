using System.Security.Cryptography;
using System.Text;
using AttackDash.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AttackDash.Storage.Blocking;

/// <summary>
/// Bearer tokens of the block-list pull API. A token is 32 random bytes, shown once when created; the
/// store keeps its SHA-256 only, so a leaked database leaks no usable token.
/// </summary>
public sealed class TokenService(NpgsqlDataSource dataSource, TimeProvider? clock = null) : ITokenService
{
    private const string Prefix = "adk_";
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <inheritdoc/>
    public async Task<string> CreateAsync(string name, string actor, CancellationToken ct = default)
    {
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var db = Open();
        if (await db.ApiTokens.AnyAsync(t => t.Name == name, ct))
            throw new BlockRefusedException($"a token named '{name}' exists already");
        var now = _clock.GetUtcNow();
        db.ApiTokens.Add(new ApiTokenRow { Name = name, Hash = HashOf(token), CreatedBy = actor, CreatedAt = now });
        db.AuditLog.Add(new AuditRow { At = now, Actor = actor, Action = "token-create", Target = name });
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <inheritdoc/>
    public async Task RevokeAsync(string name, string actor, CancellationToken ct = default)
    {
        await using var db = Open();
        var row = await db.ApiTokens.SingleOrDefaultAsync(t => t.Name == name && t.RevokedAt == null, ct)
            ?? throw new BlockRefusedException($"no active token named '{name}'");
        var now = _clock.GetUtcNow();
        row.RevokedAt = now;
        db.AuditLog.Add(new AuditRow { At = now, Actor = actor, Action = "token-revoke", Target = name });
        await db.SaveChangesAsync(ct);
    }

    /// <inheritdoc/>
    public async Task<HashSet<string>> ActiveHashesAsync(CancellationToken ct = default)
    {
        await using var db = Open();
        return (await db.ApiTokens.Where(t => t.RevokedAt == null).Select(t => t.Hash).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public async Task<List<(string Name, DateTimeOffset Created, DateTimeOffset? Revoked)>> ListAsync(CancellationToken ct = default)
    {
        await using var db = Open();
        return (await db.ApiTokens.OrderBy(t => t.Id).ToListAsync(ct)).Select(t => (t.Name, t.CreatedAt, t.RevokedAt)).ToList();
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private AttackDashDbContext Open() => AttackDashDbContext.Create(dataSource);
}
