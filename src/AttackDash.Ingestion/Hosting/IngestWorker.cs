using AttackDash.Core.Input;
using AttackDash.Core.Syslog;
using AttackDash.GeoIp;
using AttackDash.Storage.Hosting;
using AttackDash.Storage.Ingest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AttackDash.Ingestion.Hosting;

/// <summary>The host's follow-mode ingest: one follower per configured log, plus GeoIP lookups of new IPs.</summary>
internal sealed class IngestWorker(
    IOptions<IngestWorkerOptions> options, AttackDashDatabase database, IGeoLocator geo, ILogger<IngestWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var paths = options.Value.Paths;
        if (paths.Count == 0)
        {
            Log.NothingToFollow(logger);
            return;
        }
        var connectionString = await database.ConnectionStringAsync.WaitAsync(stoppingToken);
        Log.Following(logger, string.Join(", ", paths));
        await Task.WhenAll(paths.Select(p => FollowAsync(p, connectionString, stoppingToken)).Append(LocateAsync(connectionString, stoppingToken)));
    }

    private async Task FollowAsync(string path, string connectionString, CancellationToken ct)
    {
        var o = options.Value;
        await using var store = new EventStore(connectionString);
        var ingest = new IngestOptions { BatchSize = o.BatchSize, FlushInterval = o.FlushInterval, MtaHost = o.MtaHost };
        await new FileFollower(store, ingest, ReadOptions(o), new LogWriter(logger)).FollowAsync(path, ct);
    }

    private async Task LocateAsync(string connectionString, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await GeoEnricher.EnrichAsync(connectionString, geo, ct) is var n and > 0)
                    Log.Located(logger, n);
                await Task.Delay(options.Value.GeoInterval, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (NpgsqlException e)
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
