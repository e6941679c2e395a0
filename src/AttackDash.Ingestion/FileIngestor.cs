using AttackDash.Core.Events;
using AttackDash.Core.Input;
using AttackDash.Storage.Ingest;

namespace AttackDash.Ingestion;

/// <summary>
/// Loads one log file into the store, exactly once. The checkpoint is the last line whose events are
/// all committed (a User unknown still waiting for its IP holds it back). A restart reads the file again
/// from the top so that the correlator sees every earlier line, and writes only the events past the
/// checkpoint; lines written past the checkpoint before the restart are merged, never stored twice.
/// </summary>
/// <param name="stores">One per concurrent writer (each its own connection): batches go round-robin.</param>
public sealed class FileIngestor(IReadOnlyList<EventStore> stores, IngestOptions options, ReadOptions read)
{
    public async Task<IngestResult> IngestAsync(string path, YearInferenceFactory years, IProgress<IngestProgress>? progress = null, CancellationToken ct = default)
    {
        var input = new LogInput(path);
        if (Fingerprint.Of(input, read.MaxLineLength) is not { } fingerprint)
            return new IngestResult(path, true, 0, 0, 0, new Dictionary<string, long>());
        var (sourceId, linesDone, bytesSeen) = await stores[0].OpenSourceAsync(fingerprint, path, ct);
        foreach (var other in stores.Skip(1))
            await other.OpenSourceAsync(fingerprint, path, ct);
        var length = new FileInfo(path).Length;
        if (bytesSeen == length && linesDone > 0)
            return new IngestResult(path, true, linesDone, 0, 0, new Dictionary<string, long>());

        var batch = new BatchSink(linesDone);
        var engine = new LogEngine(batch, new EngineOptions { MtaHost = options.MtaHost });
        var yearInference = years(input);
        // Batches are written while the next ones are parsed, by several writers at once.
        var writes = new WriteQueue(stores, sourceId);
        using (var reader = new LineReader(input.Open(), read.MaxLineLength))
        {
            while (LineFeeder.Feed(reader, engine, yearInference, path, batch, options.BatchSize))
            {
                await writes.StartAsync(batch.Take(), Checkpoint(reader.LineNumber, engine), ct);
                progress?.Report(new IngestProgress(path, reader.LineNumber, reader.Fraction));
            }
            engine.Complete();
            await writes.StartAsync(batch.Take(), reader.LineNumber, ct);
            var newEvents = await writes.FinishAsync(reader.LineNumber, reader.Error is null ? length : 0, ct);
            await stores[0].RecordReadAsync(sourceId, engine.Stats, ct);
            await stores[0].RefreshPartitionsAsync(stores.SelectMany(s => s.TakeWrittenMonths()).ToList(), ct);
            progress?.Report(new IngestProgress(path, reader.LineNumber, 1));
            return new IngestResult(path, false, engine.Stats.Lines, newEvents, engine.Stats.MalformedLines, batch.ByKind());
        }
    }

    internal static long Checkpoint(long lineNumber, LogEngine engine) =>
        engine.EarliestPendingLine() is { } pending ? Math.Min(lineNumber, pending - 1) : lineNumber;
}

/// <summary>Year inference for one input (see <see cref="LogRunner.YearsFor"/>).</summary>
public delegate Core.Syslog.YearInference YearInferenceFactory(LogInput input);
