using System.Globalization;

namespace AttackDash.Web.Components.Shared;

/// <summary>
/// A period of whole UTC days [From, To): the unit of the daily rollup that keeps a year fast. The
/// shortest preset is therefore "today" (the UTC day so far), not a rolling 24 hours.
/// </summary>
public sealed record Period(DateOnly From, DateOnly To, int PresetDays = 0)
{
    public static Period Last(int days, TimeProvider? clock = null)
    {
        var to = DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime).AddDays(1);
        return new Period(to.AddDays(-days), to, days);
    }

    public int Days => To.DayNumber - From.DayNumber;

    /// <summary>Up to two days read well per hour; longer periods per day.</summary>
    public bool Hourly => Days <= 2;

    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public DateTimeOffset End => new(To.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public override string ToString() => PresetDays switch
    {
        1 => "today (UTC)",
        > 1 => string.Create(CultureInfo.InvariantCulture, $"the last {PresetDays} days"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd} to {To.AddDays(-1):yyyy-MM-dd}"),
    };
}
