namespace AttackDash.Ingestion;

public sealed class IngestOptions
{
    /// <summary>Events per COPY batch (one transaction with its checkpoint).</summary>
    public int BatchSize { get; set; } = 20_000;

    /// <summary>A batch that has waited this long is written even if small (follow mode).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>What one file's ingest did.</summary>
public sealed record IngestResult(string Path, bool Skipped, long Lines, long NewEvents, long MalformedLines, IReadOnlyDictionary<string, long> ByKind);
