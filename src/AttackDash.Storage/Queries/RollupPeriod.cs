using Npgsql;
using NpgsqlTypes;

namespace AttackDash.Storage.Queries;

/// <summary>
/// A period [From, To) over the per-IP rollups. Whole UTC days read the daily table (a year stays a
/// few hundred thousand rows); anything else, such as a rolling 24 hours, reads the hourly one, with
/// its ends rounded out to whole hours. SQL names the table <see cref="Table"/> and its time column <see cref="Column"/>.
/// </summary>
public readonly record struct RollupPeriod
{
    public RollupPeriod(DateTimeOffset from, DateTimeOffset to)
    {
        From = from.ToUniversalTime();
        To = to.ToUniversalTime();
        Daily = From.TimeOfDay == TimeSpan.Zero && To.TimeOfDay == TimeSpan.Zero;
        if (!Daily)
            (From, To) = (Floor(From), Floor(To) == To ? To : Floor(To).AddHours(1));
    }

    public static RollupPeriod Days(DateOnly from, DateOnly to) =>
        new(new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    public DateTimeOffset From { get; }
    public DateTimeOffset To { get; }
    public bool Daily { get; }

    public string Table => Daily ? "daily_ip_kind" : "hourly_ip_kind";
    public string Column => Daily ? "day" : "hour";

    /// <summary>The period of the same length just before this one, for "against the previous period".</summary>
    public RollupPeriod Previous => new(From - (To - From), From);

    /// <summary>SQL for the start and the end of the bucket whose key is <paramref name="key"/> (a day or an hour), as timestamptz.</summary>
    public string BucketStart(string key) => Daily ? $"{key}::timestamp AT TIME ZONE 'UTC'" : key;

    public string BucketEnd(string key) => Daily ? $"({key} + 1)::timestamp AT TIME ZONE 'UTC'" : $"{key} + interval '1 hour'";

    /// <summary>@{prefix}from and @{prefix}to, typed for <see cref="Column"/>.</summary>
    public NpgsqlParameter[] Parameters(string prefix = "") => Daily
        ? [new(prefix + "from", NpgsqlDbType.Date) { Value = DateOnly.FromDateTime(From.UtcDateTime) }, new(prefix + "to", NpgsqlDbType.Date) { Value = DateOnly.FromDateTime(To.UtcDateTime) }]
        : [new(prefix + "from", NpgsqlDbType.TimestampTz) { Value = From }, new(prefix + "to", NpgsqlDbType.TimestampTz) { Value = To }];

    /// <summary>@{prefix}start and @{prefix}end: the period's first instant and the instant after its last, as timestamptz.</summary>
    public NpgsqlParameter[] Ends(string prefix = "") =>
        [new(prefix + "start", NpgsqlDbType.TimestampTz) { Value = From }, new(prefix + "end", NpgsqlDbType.TimestampTz) { Value = To }];

    private static DateTimeOffset Floor(DateTimeOffset t) => new(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero);
}
