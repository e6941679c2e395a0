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

    /// <summary>Seconds since 1 January 00:00 of a leap year: orders year-less stamps within one year.</summary>
    public int SecondOfYear => (DayOfLeapYear(Month, Day) * 86_400) + SecondOfDay;

    private static readonly int[] MonthStart = [0, 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335];

    private static int DayOfLeapYear(int month, int day) => MonthStart[month] + day - 1;
}
