namespace AttackDash.Core.Syslog;

/// <summary>
/// A line's time as written: either complete (ISO / RFC 3339, with its offset) or a classic BSD stamp
/// with no year and no zone, which <see cref="YearInference"/> completes.
/// </summary>
public readonly record struct LogTimestamp(DateTimeOffset Absolute, int Month, int Day, int SecondOfDay)
{
    public bool HasYear => Month == 0;

    /// <summary>A dated stamp written without an offset (<c>2025-06-01 10:00:00</c>): a local time in --tz.</summary>
    public bool IsLocal { get; init; }

    public static LogTimestamp Complete(DateTimeOffset time) => new(time, 0, 0, 0);

    public static LogTimestamp Local(DateTime local) => new(new DateTimeOffset(local, TimeSpan.Zero), 0, 0, 0) { IsLocal = true };

    public static LogTimestamp WithoutYear(int month, int day, int secondOfDay) => new(default, month, day, secondOfDay);
}
