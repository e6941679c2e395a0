using System.Data.Common;
using System.Diagnostics.Metrics;
using AttackDash.Storage.Hosting;
using AttackDash.Storage.Queries;

namespace AttackDash.Web.Live;

/// <summary>
/// The store's side of /metrics: the active blocks, the open review items, and each log's lines and last
/// commit, whichever host's worker wrote them. Read every 15 s in the background, so a scrape never waits
/// for the database, and an outage leaves the last figures (/healthz says why).
/// </summary>
public sealed class StoreMetrics : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly AttackDashDatabase _database;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<StoreMetrics> _logger;
    private volatile OperationsSnapshot? _latest;

    public StoreMetrics(AttackDashDatabase database, IServiceScopeFactory scopes, TimeProvider clock, ILogger<StoreMetrics> logger, IMeterFactory meters)
    {
        (_database, _scopes, _clock, _logger) = (database, scopes, clock, logger);
        var meter = meters.Create(WebMetrics.MeterName);
        meter.CreateObservableGauge("attackdash.blocks.active", () => _latest?.ActiveBlocks ?? 0, "{block}", "Blocks in force now");
        meter.CreateObservableGauge("attackdash.review.open_items", () => _latest?.OpenReviewItems ?? 0, "{item}", "Offenders of open reviews still undecided");
        meter.CreateObservableCounter("attackdash.source.lines",
            () => (_latest?.Sources ?? []).Select(s => new Measurement<long>(s.Lines, Path(s.Path))), "{line}",
            "Lines committed per log path by any worker, as the store has them");
        meter.CreateObservableGauge("attackdash.source.last_commit",
            () => (_latest?.Sources ?? []).Select(s => new Measurement<double>(s.LastCommit.ToUnixTimeMilliseconds() / 1000.0, Path(s.Path))), "s",
            "When any worker last committed lines of this log path (Unix time)");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _database.WhenReadyAsync(stoppingToken);
        using var timer = new PeriodicTimer(Interval);
        do
        {
            await RefreshAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RefreshAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            _latest = await scope.ServiceProvider.GetRequiredService<IOperationsQueries>().ReadAsync(_clock.GetUtcNow(), TimeSpan.FromDays(7), ct);
        }
        catch (DbException e)
        {
            Log.MetricsRefreshFailed(_logger, e.Message);
        }
    }

    private static KeyValuePair<string, object?> Path(string path) => new("path", path);
}
