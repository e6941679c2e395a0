using System.ComponentModel.DataAnnotations;

namespace AttackDash.Ingestion.Hosting;

/// <summary>Section "Ingest": the live logs the host follows.</summary>
public sealed class IngestWorkerOptions
{
    public const string Section = "Ingest";

    /// <summary>
    /// Logs to follow, e.g. /var/log/mail.log; "journal:" follows this host's journal (sendmail's entries),
    /// "journal:/DIR FIELD=VALUE ..." a journal directory and journalctl matches of its own (see JournalPath).
    /// None: the worker does nothing.
    /// </summary>
    public List<string> Paths { get; set; } = [];

    /// <summary>MTA host name recorded on the events instead of each line's syslog host.</summary>
    public string? MtaHost { get; set; }

    [Range(100, 1_000_000)]
    public int BatchSize { get; set; } = 20_000;

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often new attacker IPs are looked up in the GeoIP databases.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan GeoInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first wait before a failed follower restarts; it doubles up to 5 minutes, and starts over after a good run.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RestartDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Zone of year-less syslog times; default: the machine's.</summary>
    public string? TimeZone { get; set; }
}
