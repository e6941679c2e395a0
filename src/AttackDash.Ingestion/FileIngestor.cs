using AttackDash.Core.Events;
using AttackDash.Core.Input;
using AttackDash.Storage.Ingest;

namespace AttackDash.Ingestion;

/// <summary>
/// Loads one log file into the store, exactly once. The checkpoint is the last line whose events are
/// all committed (a User unknown still waiting for its IP holds it back). A restart reads the file again
/// from the top so that the correlator sees every earlier line, and writes only the events past the
/// checkpoint; the events table's key drops anything written twice.
/// </summary>
public sealed class FileIngestor(EventStore store, IngestOptions options, ReadOptions read)
{
    public async Task<IngestResult> IngestAsync(string path, YearInferenceFactory years, IProgress<IngestProgress>? progress = null, CancellationToken ct = default)
    {
        var input = new LogInput(path);
        if (Fingerprint.Of(input, read.MaxLineLength) is not { } fingerprint)
            return new IngestResult(path, true, 0, 0, 0, new Dictionary<string, long>());
        var (sourceId, linesDone, bytesSeen) = await store.OpenSourceAsync(fingerprint, path, ct);
        var length = new FileInfo(path).Length;
        if (bytesSeen == length && linesDone > 0)
            return new IngestResult(path, true, linesDone, 0, 0, new Dictionary<string, long>());

        var batch = new BatchSink(linesDone);
        var engine = new LogEngine(batch, new EngineOptions { MtaHost = options.MtaHost });
        var yearInference = years(input);
        long newEvents = 0;
        // One batch is written while the next is parsed: the server and the parser each get a core.
        Task<long> writing = Task.FromResult(0L);
        using (var reader = new LineReader(input.Open(), read.MaxLineLength))
        {
            while (ReadSome(reader, engine, yearInference, path, options.BatchSize, batch))
            {
                newEvents += await writing;
                writing = store.WriteBatchAsync(sourceId, batch.Take(), Checkpoint(reader.LineNumber, engine), 0, ct);
                progress?.Report(new IngestProgress(path, reader.LineNumber, reader.Fraction));
            }
            engine.Complete();
            newEvents += await writing;
            newEvents += await store.WriteBatchAsync(sourceId, batch.Take(), reader.LineNumber, reader.Error is null ? length : 0, ct);
            await store.RecordReadAsync(sourceId, engine.Stats, ct);
            progress?.Report(new IngestProgress(path, reader.LineNumber, 1));
        }
        return new IngestResult(path, false, engine.Stats.Lines, newEvents, engine.Stats.MalformedLines, batch.ByKind());
    }

    /// <summary>Feeds lines until a batch is full (true) or the input ends (false).</summary>
    private static bool ReadSome(LineReader reader, LogEngine engine, Core.Syslog.YearInference years, string path, int batchSize, BatchSink batch)
    {
        while (reader.TryReadLine(out var line, out var overlong))
        {
            if (overlong)
                engine.CountMalformed(line, years, path, reader.LineNumber, "line longer than the limit");
            else
                engine.Process(line, years, path, reader.LineNumber);
            if (batch.Count >= batchSize)
                return true;
        }
        return false;
    }

    internal static long Checkpoint(long lineNumber, LogEngine engine) =>
        engine.EarliestPendingLine() is { } pending ? Math.Min(lineNumber, pending - 1) : lineNumber;
}

/// <summary>Year inference for one input (see <see cref="LogRunner.YearsFor"/>).</summary>
public delegate Core.Syslog.YearInference YearInferenceFactory(LogInput input);
