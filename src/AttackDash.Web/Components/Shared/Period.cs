using System.Globalization;
using AttackDash.Storage.Queries;

namespace AttackDash.Web.Components.Shared;

/// <summary>
/// The period a page is read over. Presets of days are whole UTC days ending with today (the daily
/// rollup keeps a year fast); "24 h" is the rolling last 24 whole hours plus the current one, read
/// from the hourly rollup; custom ranges are whole days.
/// </summary>
public sealed record Period(DateTimeOffset Start, DateTimeOffset End, int PresetDays = 0)
{
    public static Period Last(int days, TimeProvider? clock = null)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        if (days == 1)
        {
            var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
            return new Period(hour.AddHours(-23), hour.AddHours(1), 1);
        }
        var to = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        return Days(to.AddDays(-days), to, days);
    }

    public static Period Days(DateOnly from, DateOnly to, int presetDays = 0) =>
        new(new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), presetDays);

    public RollupPeriod Rollup => new(Start, End);

    /// <summary>The UTC days the period touches, [From, To), for the per-day charts.</summary>
    public DateOnly From => DateOnly.FromDateTime(Start.UtcDateTime);

    public DateOnly To => DateOnly.FromDateTime(End.UtcDateTime.AddTicks(-1)).AddDays(1);

    public TimeSpan Length => End - Start;

    /// <summary>Up to two days read well per hour; longer periods per day.</summary>
    public bool Hourly => Length <= TimeSpan.FromDays(2);

    public override string ToString() => PresetDays switch
    {
        1 => "the last 24 h",
        > 1 => string.Create(CultureInfo.InvariantCulture, $"the last {PresetDays} days"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd} to {To.AddDays(-1):yyyy-MM-dd}"),
    };
}
