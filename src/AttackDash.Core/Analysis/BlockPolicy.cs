using System.Globalization;
using AttackDash.Core.Net;

namespace AttackDash.Core.Analysis;

/// <summary>
/// A blocking policy to replay: at the end of each week, block (as /32 or as the /24 or /64 around it)
/// every IP with at least <see cref="MinEvents"/> attack events in the last <see cref="WindowDays"/>
/// days, for <see cref="BanTime"/>. <see cref="EverSeen"/> is the operator's first policy: every IP
/// that ever attacked, forever.
/// </summary>
public sealed record BlockPolicy(string Name, int MinEvents, int WindowDays, int PrefixV4, int PrefixV6, TimeSpan BanTime, bool EverSeen = false)
{
    public static IReadOnlyList<BlockPolicy> Defaults { get; } =
    [
        new("every IP ever seen", 1, 36_500, 32, 128, TimeSpan.MaxValue, EverSeen: true),
        new(">=100 in 7d as /32, 30d", 100, 7, 32, 128, TimeSpan.FromDays(30)),
        new(">=100 in 7d as /24, 30d", 100, 7, 24, 64, TimeSpan.FromDays(30)),
        new(">=10 in 7d as /32, 30d", 10, 7, 32, 128, TimeSpan.FromDays(30)),
        new(">=10 in 7d as /24, 90d", 10, 7, 24, 64, TimeSpan.FromDays(90)),
    ];

    public Cidr NetworkOf(IpAddress128 ip) => Cidr.Of(ip, ip.IsV4 ? PrefixV4 : PrefixV6);

    /// <summary>A policy that blocks each IP as /32 (/128), or, when <paramref name="wide"/>, the /24 (/64) around it.</summary>
    public static BlockPolicy Of(string name, int minEvents, int windowDays, bool wide, TimeSpan banTime) =>
        new(name, minEvents, windowDays, wide ? 24 : 32, wide ? 64 : 128, banTime);

    /// <summary>
    /// A policy written on one line, N/WINDOW/BLOCK/BAN: "100/7d/24/30d" blocks the /24 (the /64) of
    /// every IP with 100 attacks in 7 days for 30 days; BLOCK is 32 or 24, days end in d and weeks in w,
    /// and BAN may be "forever".
    /// </summary>
    public static BlockPolicy? Parse(string spec, out string? error)
    {
        error = null;
        var parts = spec.Split('/');
        var n = 0;
        if (parts.Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out n) || n < 1)
            error = $"'{spec}' is not N/WINDOW/BLOCK/BAN, e.g. 100/7d/24/30d";
        else if (Days(parts[1]) is not { } window)
            error = $"'{spec}': the window '{parts[1]}' is not days (7d) or weeks (2w)";
        else if (parts[2] is not ("32" or "24"))
            error = $"'{spec}': block '{parts[2]}' must be 32 or 24";
        else if (parts[3] != "forever" && Days(parts[3]) is null)
            error = $"'{spec}': the ban time '{parts[3]}' is not days (30d), weeks (4w) or 'forever'";
        if (error is not null)
            return null;
        var ban = parts[3] == "forever" ? TimeSpan.MaxValue : TimeSpan.FromDays(Days(parts[3])!.Value);
        return Of(spec, n, Days(parts[1])!.Value, wide: parts[2] == "24", ban);
    }

    // Whole days: the replay decides once a week, and a window or ban of hours would read as none.
    private static int? Days(string text) =>
        Reports.Durations.TryParse(text, out var span) && text[^1] is 'd' or 'w' && span.TotalDays is >= 1 and <= 36_500 && span.TotalDays == Math.Floor(span.TotalDays)
            ? (int)span.TotalDays
            : null;
}
