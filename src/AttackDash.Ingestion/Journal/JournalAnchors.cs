using AttackDash.Storage.Ingest;

namespace AttackDash.Ingestion.Journal;

/// <summary>
/// The recent entries a restart could start after, oldest first. A restart after the checkpoint itself
/// would lose the correlator's open sessions (a harvest's User unknown lines wait for the line with the
/// IP), so the resume point lags it by <see cref="JournalOptions.Context"/>; bounded, so a burst costs
/// some context on a restart, never memory.
/// </summary>
internal sealed class JournalAnchors(TimeSpan context, int capacity = 100_000)
{
    private readonly Queue<(long Line, string Cursor, DateTimeOffset Time)> _recent = new();
    private DateTimeOffset _newest = DateTimeOffset.MinValue;

    public void Add(long line, JournalLine entry)
    {
        if (_recent.Count == capacity)
            _recent.Dequeue();
        _recent.Enqueue((line, entry.Cursor, entry.Time));
        if (entry.Time > _newest)
            _newest = entry.Time;
    }

    /// <summary>The newest entry at or before <paramref name="checkpoint"/> and older than the context; null when none is (keep the last).</summary>
    public JournalPosition? ResumeFor(long checkpoint)
    {
        (long Line, string Cursor, DateTimeOffset Time)? best = null;
        while (_recent.TryPeek(out var oldest) && oldest.Line <= checkpoint && oldest.Time <= _newest - context)
            best = _recent.Dequeue();
        return best is { } b ? new JournalPosition(b.Line, b.Cursor) : null;
    }
}
