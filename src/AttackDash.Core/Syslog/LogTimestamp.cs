namespace AttackDash.Core.Syslog;

/// <summary>
/// A line's time as written: either complete (ISO / RFC 3339, with its offset) or a classic BSD stamp
/// with no year and no zone, which <see cref="YearInference"/> completes.
/// </summary>
public readonly record struct LogTimestamp(DateTimeOffset Absolute, int Month, int Day, int SecondOfDay)
{
    public bool HasYear => Month == 0;

    public static LogTimestamp Complete(DateTimeOffset time) => new(time, 0, 0, 0);

    public static LogTimestamp WithoutYear(int month, int day, int secondOfDay) => new(default, month, day, secondOfDay);
}
