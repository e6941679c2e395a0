using System.Data.Common;
using AttackDash.Storage.Hosting;
using AttackDash.Storage.Queries;
using Microsoft.Extensions.Options;

namespace AttackDash.Web.Live;

/// <summary>
/// Tells open pages that the store changed, so that they refresh with no reload: one cheap query
/// (<see cref="StoreContents.VersionAsync"/>) per interval for the whole host.
/// </summary>
public sealed class StoreChanges(AttackDashDatabase database, IServiceScopeFactory scopes, IOptions<DashboardOptions> options, ILogger<StoreChanges> logger) : BackgroundService
{
    private long _version = -1;

    /// <summary>Raised on a pool thread; handlers marshal to their own renderer.</summary>
    public event Action? Changed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await database.WhenReadyAsync(stoppingToken);
        await using var scope = scopes.CreateAsyncScope();
        var contents = scope.ServiceProvider.GetRequiredService<StoreContents>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.LiveRefreshSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await CheckAsync(contents, stoppingToken);
    }

    private async Task CheckAsync(StoreContents contents, CancellationToken ct)
    {
        try
        {
            var version = await contents.VersionAsync(ct);
            if (_version >= 0 && version != _version)
                Raise();
            _version = version;
        }
        catch (DbException e)
        {
            Log.LiveCheckFailed(logger, e.Message);
        }
    }

    internal void Raise() => Changed?.Invoke();
}
