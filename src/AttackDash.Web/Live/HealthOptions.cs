using System.ComponentModel.DataAnnotations;

namespace AttackDash.Web.Live;

/// <summary>Section "Health": what /healthz/ready calls an ingest that fell silent.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// A watched log with no committed line for longer than this makes /healthz/ready "degraded". A site's
    /// quiet night may need more; a provider's logs never pause that long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan MaxSilence { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Log paths written by workers on other hosts (as the store names them, e.g. /var/log/mail.log) to watch
    /// as well; the logs this host follows (Ingest:Paths) are always watched.
    /// </summary>
    public List<string> Sources { get; set; } = [];
}
