using AttackDash.Core.Input;
using AttackDash.Core.Syslog;
using AttackDash.Storage.Ingest;

namespace AttackDash.Ingestion;

/// <summary>
/// Tails a live log into the store, like <c>tail -F</c>: it survives rename-and-create and copytruncate
/// rotation, and when the database is away it keeps the batch, retries with backoff and reads no
/// further, so no line is lost.
/// </summary>
public sealed class FileFollower(EventStore store, IngestOptions options, ReadOptions read, TextWriter log)
{
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often, at most, a caught-up follower refreshes the partitions it wrote (see <see cref="EventStore.RefreshPartitionsAsync"/>).</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromMinutes(10);

    private DateTimeOffset _lastRefresh = DateTimeOffset.MinValue;
    private string _path = "";
    private long _committed;

    /// <summary>Follows <paramref name="path"/> until cancelled; each rotation starts a new source.</summary>
    public async Task FollowAsync(string path, CancellationToken ct)
    {
        _path = path;
        while (!ct.IsCancellationRequested)
        {
            if (!File.Exists(path) || Fingerprint.Of(new LogInput(path), read.MaxLineLength) is not { } fingerprint)
            {
                await Pause(PollInterval, ct);
                continue;
            }
            await FollowOneAsync(path, fingerprint, ct);
        }
    }

    /// <summary>Reads one file generation until it is rotated away (or the follower is cancelled).</summary>
    private async Task FollowOneAsync(string path, string fingerprint, CancellationToken ct)
    {
        var (sourceId, linesDone, _) = await RetryAsync(() => store.OpenSourceAsync(fingerprint, path, ct), ct);
        _committed = linesDone;
        var batch = new BatchSink(linesDone);
        var engine = new LogEngine(batch, new EngineOptions { MtaHost = options.MtaHost });
        var input = new LogInput(path);
        var years = new YearInference(read.Zone, read.Clock.GetUtcNow(), RolloverScan.Scan(input, read.MaxLineLength));
        using var reader = new LineReader(input.Open(), read.MaxLineLength) { Follow = true };
        var lastFlush = read.Clock.GetUtcNow();
        while (true)
        {
            var more = LineFeeder.Feed(reader, engine, years, path, batch, options.BatchSize);
            var due = batch.Count > 0 && read.Clock.GetUtcNow() - lastFlush >= options.FlushInterval;
            if (batch.Count >= options.BatchSize || due)
            {
                await WriteAsync(sourceId, batch, FileIngestor.Checkpoint(reader.LineNumber, engine), ct);
                lastFlush = read.Clock.GetUtcNow();
            }
            if (ct.IsCancellationRequested || (!more && Rotated(path, reader)))
            {
                // Drain: lines written to the old file before the writer moved on belong to it.
                LineFeeder.Feed(reader, engine, years, path, batch, int.MaxValue);
                engine.Complete();
                await WriteAsync(sourceId, batch, reader.LineNumber, ct);
                return;
            }
            if (!more)
            {
                await RefreshWhenDueAsync(ct);
                await Pause(PollInterval, ct);
            }
        }
    }

    /// <summary>
    /// Once caught up, and then at most every <see cref="RefreshInterval"/>: the first start on a large
    /// live log is a bulk import, and the dashboard should not wait for autovacuum to plan well. Hourly
    /// counts that aged out of <see cref="EventStore.HourlySince"/> go at the same pace (a follower that wrote
    /// nothing made none).
    /// </summary>
    private async Task RefreshWhenDueAsync(CancellationToken ct)
    {
        if (read.Clock.GetUtcNow() - _lastRefresh < RefreshInterval)
            return;
        var months = store.TakeWrittenMonths();
        if (months.Count == 0)
            return;
        await RetryAsync(async () => { await store.PruneHoursAsync(ct); await store.RefreshPartitionsAsync(months, ct); return true; }, ct);
        _lastRefresh = read.Clock.GetUtcNow();
    }

    /// <summary>Renamed or deleted (the open descriptor no longer has this name), or truncated (copytruncate).</summary>
    private static bool Rotated(string path, LineReader reader)
    {
        if (reader.File is not { } file)
            return false;
        var fullPath = Path.GetFullPath(path);
        try
        {
            var fd = file.SafeFileHandle.DangerousGetHandle();
            var target = new FileInfo($"/proc/self/fd/{fd}").LinkTarget;
            if (target is not null && target != fullPath)
                return true;
        }
        catch (IOException)
        {
            // No /proc: fall back to the size check alone.
        }
        var info = new FileInfo(fullPath);
        return !info.Exists || info.Length < reader.Position;
    }

    private async Task WriteAsync(int sourceId, BatchSink batch, long checkpoint, CancellationToken ct)
    {
        var events = batch.Take();
        // A write is never cut off half-way; cancellation only stops the retries (the checkpoint then
        // stays where it was, and the next start reads those lines again).
        await RetryAsync(() => store.WriteBatchAsync(sourceId, events, checkpoint, 0, ct: CancellationToken.None), ct);
        IngestMetrics.Committed(_path, events, checkpoint - _committed, read.Clock.GetUtcNow());
        _committed = checkpoint;
    }

    private Task<T> RetryAsync<T>(Func<Task<T>> action, CancellationToken ct) =>
        new StoreRetry(log, _path) { MaxBackoff = MaxBackoff }.RunAsync(action, ct);

    private static Task Pause(TimeSpan delay, CancellationToken ct) => StoreRetry.PauseAsync(delay, ct);
}
