using System.Globalization;

namespace AttackDash.Core.Reports;

/// <summary>A span as an admin reads it at a glance, to the largest two units: "3 d 4 h", "2 h 5 min", "7 min", "12 s".</summary>
public static class Elapsed
{
    public static string Format(TimeSpan t) =>
        t.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalDays} d {t.Hours} h")
        : t.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours} h {t.Minutes} min")
        : t.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes} min")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)t.TotalSeconds)} s");
}
