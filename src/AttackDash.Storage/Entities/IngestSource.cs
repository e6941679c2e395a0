namespace AttackDash.Storage.Entities;

/// <summary>
/// One log file's content, whatever its name: identified by a fingerprint of its first line, so that
/// maillog, maillog.1 and maillog.1.gz of the same content are one source. <see cref="LinesDone"/> is
/// the checkpoint, committed in the same transaction as the events it covers.
/// </summary>
public sealed class IngestSource
{
    public int Id { get; set; }
    public required string Fingerprint { get; set; }
    public required string Path { get; set; }
    public long LinesDone { get; set; }

    /// <summary>The highest line number whose event was written: batches above it cannot clash and take the fast path.</summary>
    public long MaxLineWritten { get; set; }

    /// <summary>The file's size when it was read to the end (0 before): an unchanged plain file is skipped at once.</summary>
    public long BytesSeen { get; set; }

    /// <summary>Line counts and times of the last complete read, for reports that mirror <c>analyze</c>.</summary>
    public long Lines { get; set; }
    public long SendmailLines { get; set; }
    public long OtherLines { get; set; }
    public long MalformedLines { get; set; }
    public DateTimeOffset? FirstLineTime { get; set; }
    public DateTimeOffset? LastLineTime { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// A journal source's restart point, committed with <see cref="LinesDone"/>: the entry numbered
    /// <see cref="ResumeLine"/> (at most <see cref="LinesDone"/>) has the journal cursor <see cref="ResumeCursor"/>,
    /// and a restart reads after it. It lags the checkpoint so that the correlator sees the sessions still open.
    /// </summary>
    public long ResumeLine { get; set; }
    public string? ResumeCursor { get; set; }
}
