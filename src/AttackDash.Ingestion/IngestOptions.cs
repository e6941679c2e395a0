namespace AttackDash.Ingestion;

public sealed class IngestOptions
{
    /// <summary>Events per COPY batch (one transaction with its checkpoint).</summary>
    public int BatchSize { get; set; } = 20_000;

    /// <summary>A batch that has waited this long is written even if small (follow mode).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Batches written at the same time, each on its own connection (the server then uses more cores).</summary>
    public int Writers { get; set; } = 2;

    /// <summary>The MTA host name to record, instead of the syslog host of each line.</summary>
    public string? MtaHost { get; set; }
}

/// <summary>Where one file's ingest is: lines read and the share of the file (null when unknown).</summary>
public readonly record struct IngestProgress(string Path, long Lines, double? Fraction);

/// <summary>What one file's ingest did.</summary>
public sealed record IngestResult(string Path, bool Skipped, long Lines, long NewEvents, long MalformedLines, IReadOnlyDictionary<string, long> ByKind);
