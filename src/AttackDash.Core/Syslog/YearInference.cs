using System.Runtime.CompilerServices;
namespace AttackDash.Core.Syslog;

/// <summary>
/// Completes year-less BSD stamps of one file, read in order. The newest line takes the year of the
/// reference instant (--year or the file's modification time); each New Year crossed going back takes
/// a year off, and no line may land after the reference.
/// </summary>
public sealed class YearInference
{
    /// <summary>
    /// A step back of more than six months between consecutive lines (Dec to Jan) is a New Year; smaller
    /// steps are interleaving or an unordered excerpt and must not count.
    /// </summary>
    internal static bool IsRollover(int previousMonth, int month) => previousMonth - month > 6;

    // Syslog flush delays and zone mistakes may put a line slightly after the reference time.
    private static readonly TimeSpan FutureSlack = TimeSpan.FromDays(1);

    private readonly TimeZoneInfo _zone;
    private readonly DateTimeOffset _reference;
    private int _year;
    private int _previousMonth;
    private long _cachedHourKey = -1;
    private TimeSpan _cachedOffset;

    /// <param name="zone">Zone of the year-less local times.</param>
    /// <param name="reference">No inferred time is later than this (plus a day of slack).</param>
    /// <param name="rolloversAhead">New Years crossed between the first line and the newest one (see <see cref="Input.RolloverScan"/>).</param>
    public YearInference(TimeZoneInfo zone, DateTimeOffset reference, int rolloversAhead)
    {
        _zone = zone;
        _reference = reference;
        _year = TimeZoneInfo.ConvertTime(reference, zone).Year - rolloversAhead;
    }

    /// <summary>Notes a stamp of a line that is otherwise unreadable, so that New Years are counted as the pre-scan counted them.</summary>
    public void Observe(LogTimestamp stamp)
    {
        if (stamp.HasYear)
            return;
        if (IsRollover(_previousMonth, stamp.Month))
            _year++;
        _previousMonth = stamp.Month;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public DateTimeOffset Resolve(LogTimestamp stamp)
    {
        if (stamp.HasYear)
            return stamp.Absolute;
        Observe(stamp);
        var time = At(_year, stamp);
        return time > _reference + FutureSlack ? At(_year - 1, stamp) : time;
    }

    private DateTimeOffset At(int year, LogTimestamp stamp)
    {
        // 29 February of a common year cannot be: it is read as the 28th rather than dropped.
        var day = stamp.Month == 2 && stamp.Day == 29 && !DateTime.IsLeapYear(year) ? 28 : stamp.Day;
        var local = new DateTime(year, stamp.Month, day, 0, 0, 0, DateTimeKind.Unspecified).AddSeconds(stamp.SecondOfDay);
        var hourKey = local.Ticks / TimeSpan.TicksPerHour;
        if (hourKey != _cachedHourKey)
        {
            _cachedOffset = _zone.GetUtcOffset(local);
            _cachedHourKey = hourKey;
        }
        return new DateTimeOffset(local, _cachedOffset);
    }
}
