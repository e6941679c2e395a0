using System.Collections.Concurrent;
using System.Net;
using AttackDash.Storage.Blocking;
using Microsoft.Extensions.Options;

namespace AttackDash.Web.Blocking.Api;

/// <summary>
/// Checks bearer tokens against the stored hashes (kept in memory for BlocklistApi:CacheFor, 2 s by
/// default, so that many polling firewalls cost no database round trip: a revoked token works at most
/// that long), and locks out an address (the real client behind a trusted proxy) that keeps
/// presenting bad tokens.
/// </summary>
internal sealed class TokenGate(IServiceScopeFactory scopes, IOptions<BlocklistApiOptions> options, TimeProvider clock)
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
        // A valid token always works, even from an address others abused (a shared NAT): the
        // lockout only stops an address from trying more bad ones.
        if (authorization is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
            && (await HashesAsync(now, ct)).Contains(TokenService.HashOf(header[7..].Trim())))
            return Verdict.Allowed;
        if (_failures.TryGetValue(client, out var f) && f.LockedUntil > now)
            return Verdict.LockedOut;
        RecordFailure(client, now);
        return Verdict.Denied;
    }

    private void RecordFailure(IPAddress client, DateTimeOffset now)
    {
        var o = options.Value;
        // Bounded: addresses whose window and lockout are over are forgotten before the table grows large.
        if (_failures.Count >= 10_000)
        {
            foreach (var (ip, old) in _failures)
            {
                if (now - old.Since > o.FailureWindow && !(old.LockedUntil > now))
                    _failures.TryRemove(ip, out _);
            }
        }
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
                await using var scope = scopes.CreateAsyncScope();
                _hashes = await scope.ServiceProvider.GetRequiredService<ITokenService>().ActiveHashesAsync(ct);
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
