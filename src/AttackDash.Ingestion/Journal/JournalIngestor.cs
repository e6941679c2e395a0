using AttackDash.Core.Events;
using AttackDash.Core.Input;
using AttackDash.Core.Syslog;
using AttackDash.Storage.Ingest;

namespace AttackDash.Ingestion.Journal;

/// <summary>
/// Loads the systemd journal into the store through <c>journalctl -o json</c>, exactly once. The source's
/// lines are its entries in journal order; each batch commits with its checkpoint and a resume point
/// (an entry's number and cursor, see <see cref="JournalAnchors"/>), so a restart, even after kill -9,
/// reads again from that entry (<c>journalctl --cursor</c>) and writes only what was not committed. A one-shot read ends when
/// journalctl does; a followed one when cancelled, leaving open sessions to the next start.
/// </summary>
public sealed class JournalIngestor(EventStore store, IngestOptions options, ReadOptions read, JournalOptions journal, TextWriter log)
{
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public async Task<IngestResult> IngestAsync(bool follow, CancellationToken ct = default)
    {
        var name = journal.Name;
        var retry = new StoreRetry(log, name);
        var (sourceId, linesDone, resume) = await retry.RunAsync(() => store.OpenJournalAsync(name, name, ct), ct);
        var run = new Run(new BatchSink(linesDone), new JournalAnchors(journal.Context), linesDone, (resume?.Line ?? 1) - 1);
        var engine = new LogEngine(run.Batch, new EngineOptions { MtaHost = options.MtaHost });
        var years = new YearInference(read.Zone, read.Clock.GetUtcNow());
        using var journalctl = JournalProcess.Start(journal, resume?.Cursor, follow, read.MaxLineLength);
        var lastFlush = read.Clock.GetUtcNow();
        var first = resume is not null;
        while (!ct.IsCancellationRequested && !journalctl.Items.Completion.IsCompleted)
        {
            while (run.Batch.Count < options.BatchSize && journalctl.Items.TryRead(out var item))
            {
                if (first)
                {
                    first = false;
                    if (item.Entry?.Cursor != resume!.Cursor)
                    {
                        await log.WriteLineAsync($"attackdash: {name}: the journal no longer holds the resume point (vacuumed?); entries of the hour before the checkpoint may be counted again");
                        run.Line = linesDone;
                    }
                }
                Feed(item, ++run.Line, engine, years, name, run.Anchors);
            }
            var due = run.Batch.Count > 0 && read.Clock.GetUtcNow() - lastFlush >= options.FlushInterval;
            if (run.Batch.Count >= options.BatchSize || due)
            {
                var checkpoint = FileIngestor.Checkpoint(run.Line, engine);
                await WriteAsync(sourceId, run, checkpoint, run.Anchors.ResumeFor(checkpoint), retry, ct);
                lastFlush = read.Clock.GetUtcNow();
            }
            else
            {
                await WaitAsync(journalctl, ct);
            }
        }
        if (!ct.IsCancellationRequested && await journalctl.FailureAsync() is { } failure)
            throw new InvalidOperationException($"{name}: {failure}");
        if (!ct.IsCancellationRequested)
            engine.Complete();
        var final = ct.IsCancellationRequested ? FileIngestor.Checkpoint(run.Line, engine) : run.Line;
        await WriteAsync(sourceId, run, final, run.Anchors.ResumeFor(final), retry, ct);
        return new IngestResult(name, false, engine.Stats.Lines, run.NewEvents, engine.Stats.MalformedLines, run.Batch.ByKind());
    }

    private void Feed(JournalItem item, long line, LogEngine engine, YearInference years, string name, JournalAnchors anchors)
    {
        if (item.Entry is not { } entry)
        {
            engine.CountMalformed(item.Raw, years, name, line, item.Overlong ? "journal entry longer than the limit" : "not a journalctl JSON entry with a cursor and a time");
            return;
        }
        anchors.Add(line, entry);
        if (entry.Line.Length > read.MaxLineLength)
            engine.CountMalformed(entry.Line.AsSpan(0, read.MaxLineLength), years, name, line, "line longer than the limit");
        else
            engine.Process(entry.Line, years, name, line);
    }

    private async Task WriteAsync(int sourceId, Run run, long checkpoint, JournalPosition? resume, StoreRetry retry, CancellationToken ct)
    {
        var events = run.Batch.Take();
        // Never cut off half-way: cancellation stops only the retries, and the next start reads these entries again.
        run.NewEvents += await retry.RunAsync(() => store.WriteBatchAsync(sourceId, events, checkpoint, 0, ct: CancellationToken.None, resume: resume), ct);
        IngestMetrics.Committed(journal.Name, events, Math.Max(0, checkpoint - run.Committed), read.Clock.GetUtcNow());
        run.Committed = Math.Max(run.Committed, checkpoint);
    }

    /// <summary>Until journalctl prints more, or the poll interval passes (a small batch then becomes due).</summary>
    private async Task WaitAsync(JournalProcess journalctl, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(PollInterval);
        try
        {
            await journalctl.Items.WaitToReadAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            // Quiet journal, or stopping: the loop decides.
        }
    }

    private sealed class Run(BatchSink batch, JournalAnchors anchors, long committed, long line)
    {
        public BatchSink Batch { get; } = batch;
        public JournalAnchors Anchors { get; } = anchors;
        public long Committed { get; set; } = committed;
        public long Line { get; set; } = line;
        public long NewEvents { get; set; }
    }
}
