using System.ComponentModel.DataAnnotations;

namespace AttackDash.Storage.Hosting;

/// <summary>Section "Database". The connection itself is <c>ConnectionStrings:AttackDash</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Folder of the embedded cluster used when no connection string is configured.</summary>
    public string? EmbeddedRoot { get; set; }

    /// <summary>Apply pending migrations on start (always on for the embedded cluster).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// Days back from now for which ingest keeps per-IP hourly counts. Only the pages' rolling 24 h view
    /// needs hours; a year of them at a provider's 600,000 IPs costs as many
    /// rows as events, and a third of the ingest. Everything else reads the daily rollup.
    /// </summary>
    [Range(2, 3660)]
    public int HourlyRollupDays { get; set; } = 14;
}
