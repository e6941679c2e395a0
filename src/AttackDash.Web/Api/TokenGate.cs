using System.Collections.Concurrent;
using System.Net;
using AttackDash.Storage.Blocking;
using AttackDash.Storage.Hosting;
using Microsoft.Extensions.Options;

namespace AttackDash.Web.Api;

/// <summary>
/// Checks bearer tokens against the stored hashes (kept in memory for a moment, so that many polling
/// firewalls cost no database round trip), and locks out an address that keeps presenting bad tokens.
/// </summary>
internal sealed class TokenGate(AttackDashDatabase database, IOptions<BlocklistApiOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<IPAddress, Failures> _failures = new();
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private HashSet<string> _hashes = [];
    private DateTimeOffset _hashesUntil = DateTimeOffset.MinValue;

    private sealed record Failures(int Count, DateTimeOffset Since, DateTimeOffset? LockedUntil);

    public enum Verdict
    {
        Allowed,
        Denied,
        LockedOut,
    }

    public async Task<Verdict> CheckAsync(IPAddress client, string? authorization, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_failures.TryGetValue(client, out var f) && f.LockedUntil > now)
            return Verdict.LockedOut;
        if (authorization is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
            && (await HashesAsync(now, ct)).Contains(TokenService.HashOf(header[7..].Trim())))
            return Verdict.Allowed;
        RecordFailure(client, now);
        return Verdict.Denied;
    }

    private void RecordFailure(IPAddress client, DateTimeOffset now)
    {
        var o = options.Value;
        _failures.AddOrUpdate(client, _ => new Failures(1, now, null), (_, old) =>
        {
            var f = now - old.Since > o.FailureWindow ? new Failures(1, now, null) : old with { Count = old.Count + 1 };
            return f.Count >= o.MaxFailures ? f with { LockedUntil = now + o.LockoutFor } : f;
        });
    }

    private async Task<HashSet<string>> HashesAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (now < _hashesUntil)
            return _hashes;
        await _refresh.WaitAsync(ct);
        try
        {
            if (now >= _hashesUntil)
            {
                _hashes = await new TokenService(await database.ConnectionStringAsync).ActiveHashesAsync(ct);
                _hashesUntil = now + options.Value.CacheFor;
            }
            return _hashes;
        }
        finally
        {
            _refresh.Release();
        }
    }
}
