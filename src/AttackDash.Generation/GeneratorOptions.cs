namespace AttackDash.Generation;

public enum LogFormat
{
    /// <summary>Classic "Mmm dd hh:mm:ss host prog[pid]: msg", no year.</summary>
    Bsd,

    /// <summary>RFC 3339 stamps as rsyslog writes them.</summary>
    Iso,
}

public sealed class GeneratorOptions
{
    public int Seed { get; set; } = 1;

    /// <summary>About how many lines to write; the ground truth has the exact count.</summary>
    public long Lines { get; set; } = 200_000;

    /// <summary>First day (UTC midnight of this date). The default period crosses a New Year.</summary>
    public DateOnly Start { get; set; } = new(2024, 7, 1);

    public int Days { get; set; } = 365;

    /// <summary>
    /// How many attacking IPs (before the campaigns' own), or null for the site's botnet: one IP per
    /// 160 attack events, at most 7,000. A provider's year is ~600,000; the shape stays the seed's.
    /// </summary>
    public int? AttackerIps { get; set; }

    /// <summary>
    /// When above 0, the first three campaigns and the first compromise fall in the last this many days,
    /// so that a demo's default 7-day view has something to show. The random draws stay the same.
    /// </summary>
    public int RecentDays { get; set; }

    public LogFormat Format { get; set; } = LogFormat.Bsd;

    public string MtaHost { get; set; } = "mx";
}
