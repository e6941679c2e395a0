using System.Globalization;

namespace AttackDash.Core.Reports;

/// <summary>A span as an admin types it: a number and one unit, s, m, h, d or w ("90s", "1.5h", "30d", "2w").</summary>
public static class Durations
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        if (text.Length < 2 || !double.TryParse(text[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
            return false;
        TimeSpan? unit = text[^1] switch
        {
            's' => TimeSpan.FromSeconds(1),
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            'w' => TimeSpan.FromDays(7),
            _ => null,
        };
        if (unit is not { } u)
            return false;
        duration = u * n;
        return true;
    }

    /// <summary>The span in the same syntax, in its largest whole unit: 7 days is "1w", 90 minutes "90m".</summary>
    public static string Text(TimeSpan span)
    {
        (TimeSpan Unit, char Name)[] units = [(TimeSpan.FromDays(7), 'w'), (TimeSpan.FromDays(1), 'd'), (TimeSpan.FromHours(1), 'h'), (TimeSpan.FromMinutes(1), 'm')];
        foreach (var (unit, name) in units)
        {
            if (span >= unit && span.Ticks % unit.Ticks == 0)
                return string.Create(CultureInfo.InvariantCulture, $"{span.Ticks / unit.Ticks}{name}");
        }
        return string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###}s");
    }
}
