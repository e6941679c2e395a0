using System.Collections.Concurrent;
using AttackDash.Core.Blocking.Export;
using AttackDash.Storage.Blocking;
using Microsoft.Extensions.Options;

namespace AttackDash.Web.Blocking.Api;

/// <summary>
/// The rendered block list per format, tagged with the block list's version (its newest audit record).
/// The version is asked of the store at most once per <see cref="BlocklistApiOptions.CacheFor"/>; a
/// body is rendered once per version and format.
/// </summary>
internal sealed class BlocklistCache(IServiceScopeFactory scopes, IOptions<BlocklistApiOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Rendered> _bodies = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private long _version = -1;
    private DateTimeOffset _versionUntil = DateTimeOffset.MinValue;

    public sealed record Rendered(long Version, string ETag, string Body, string ContentType);

    public async Task<Rendered> GetAsync(IBlocklistExporter exporter, CancellationToken ct)
    {
        var version = await VersionAsync(ct);
        if (_bodies.TryGetValue(exporter.Format, out var cached) && cached.Version == version)
            return cached;
        await _lock.WaitAsync(ct);
        try
        {
            if (_bodies.TryGetValue(exporter.Format, out cached) && cached.Version == version)
                return cached;
            var networks = await BlocksAsync(b => b.ActiveNetworksAsync(ct));
            var rendered = new Rendered(version, $"\"v{version}-{exporter.Format}\"", exporter.Render(networks, new ExportOptions()), exporter.ContentType);
            _bodies[exporter.Format] = rendered;
            return rendered;
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<long> VersionAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now < _versionUntil)
            return Interlocked.Read(ref _version);
        var version = await BlocksAsync(b => b.VersionAsync(ct));
        Interlocked.Exchange(ref _version, version);
        _versionUntil = now + options.Value.CacheFor;
        return version;
    }

    /// <summary>This cache lives as long as the host; the store's services live for one call.</summary>
    private async Task<T> BlocksAsync<T>(Func<IBlockingService, Task<T>> query)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IBlockingService>());
    }
}
