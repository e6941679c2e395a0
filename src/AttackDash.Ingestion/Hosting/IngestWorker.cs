using System.Data.Common;
using AttackDash.Core.Input;
using AttackDash.Core.Syslog;
using AttackDash.GeoIp;
using AttackDash.Ingestion.Journal;
using AttackDash.Storage.Hosting;
using AttackDash.Storage.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AttackDash.Ingestion.Hosting;

/// <summary>The host's follow-mode ingest: one follower per configured log, plus GeoIP lookups of new IPs.</summary>
/// <remarks>A follower that fails unexpectedly is logged, shown in <see cref="FollowStatus"/>, and restarted
/// with backoff (it resumes from its checkpoint); one bad log never stops the others or the host.</remarks>
internal sealed class IngestWorker(
    IOptions<IngestWorkerOptions> options, AttackDashDatabase database, IServiceScopeFactory scopes, IGeoLocator geo, FollowStatus status, ILogger<IngestWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var paths = options.Value.Paths;
        await database.WhenReadyAsync(stoppingToken);
        // New IPs are located whoever stored them (this host, `attackdash ingest`, the demo year).
        if (paths.Count == 0)
            Log.NothingToFollow(logger);
        else
            Log.Following(logger, string.Join(", ", paths));
        await Task.WhenAll(paths.Select(p => FollowAsync(p, stoppingToken)).Append(LocateAsync(stoppingToken)));
    }

    private async Task FollowAsync(string path, CancellationToken ct)
    {
        var delay = options.Value.RestartDelay;
        while (!ct.IsCancellationRequested)
        {
            var started = DateTimeOffset.UtcNow;
            try
            {
                status.Following(path);
                await FollowOnceAsync(path, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A follower that ran well for a while starts its backoff over.
                delay = DateTimeOffset.UtcNow - started > LongestRestart ? options.Value.RestartDelay : delay;
                status.Failed(path, e, delay);
                Log.FollowerFailed(logger, e, path, delay);
            }
            await Task.Delay(delay, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRestart.Ticks));
        }
    }

    private static readonly TimeSpan LongestRestart = TimeSpan.FromMinutes(5);

    private async Task FollowOnceAsync(string path, CancellationToken ct)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<EventStore>();
        var ingest = new IngestOptions { BatchSize = o.BatchSize, FlushInterval = o.FlushInterval, MtaHost = o.MtaHost };
        if (JournalPath.TryParse(path) is { } journal)
            await new JournalIngestor(store, ingest, ReadOptions(o), journal, new LogWriter(logger)).IngestAsync(follow: true, ct);
        else
            await new FileFollower(store, ingest, ReadOptions(o), new LogWriter(logger)).FollowAsync(path, ct);
    }

    private async Task LocateAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await GeoEnricher.EnrichAsync(scope.ServiceProvider.GetRequiredService<IpLocations>(), geo, ct) is var n and > 0)
                    Log.Located(logger, n);
                await Task.Delay(options.Value.GeoInterval, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (DbException e)
            {
                Log.LocateFailed(logger, e);
                await Task.Delay(options.Value.GeoInterval, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private static ReadOptions ReadOptions(IngestWorkerOptions o)
    {
        var read = new ReadOptions();
        if (o.TimeZone is { } tz && TimeZones.TryParse(tz, out var zone, out _))
            read.Zone = zone;
        return read;
    }
}
