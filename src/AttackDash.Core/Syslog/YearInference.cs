using System.Runtime.CompilerServices;
namespace AttackDash.Core.Syslog;

/// <summary>
/// Completes the year-less BSD stamps of one file, read in order. A file's lines are in time order, so
/// its years never step back: the newest line takes the year that puts it at or before the reference
/// instant (the end of --year, or the file's modification time), and every earlier line one year less
/// for each New Year crossed on the way back. A file whose newest line is not known in advance
/// (stdin) starts from its first line instead, placed at or before the reference.
/// </summary>
public sealed class YearInference
{
    /// <summary>
    /// A step back of more than six months between consecutive lines (Dec to Jan) is a New Year; smaller
    /// steps are interleaving, clock steps or an unordered excerpt and must not count.
    /// </summary>
    internal static bool IsRollover(int previousMonth, int month) => previousMonth - month > 6;

    // Syslog flush delays and zone mistakes may put a line slightly after the reference time.
    internal static readonly TimeSpan FutureSlack = TimeSpan.FromDays(1);

    private readonly TimeZoneInfo _zone;
    private readonly DateTimeOffset _reference;
    private int _year;
    private bool _placed;
    private int _previousMonth;
    private long _cachedHourKey = -1;
    private TimeSpan _cachedOffset;

    /// <param name="zone">Zone of the year-less local times.</param>
    /// <param name="reference">The newest line is placed at or before this instant (plus a day of slack).</param>
    /// <param name="scan">The file's New Years and end stamps (see <see cref="Input.RolloverScan"/>); null for a stream.</param>
    public YearInference(TimeZoneInfo zone, DateTimeOffset reference, YearScan? scan = null)
    {
        _zone = zone;
        _reference = reference;
        if (scan is not { Last: { } last } s)
            return;
        NewestTime = Place(last);
        _year = NewestTime.Value.Year - s.Rollovers;
        _placed = true;
        if (s.First is { } first)
            FirstTime = At(_year, first);
    }

    /// <summary>The inferred time of the file's first and newest year-less lines, when the file was scanned.</summary>
    public DateTimeOffset? FirstTime { get; }

    public DateTimeOffset? NewestTime { get; }

    /// <summary>True once a line of a stream landed more than the slack after the reference (its year is a guess).</summary>
    public bool RanPastReference { get; private set; }

    /// <summary>Notes a stamp of a line that is otherwise unreadable, so that New Years are counted as the pre-scan counted them.</summary>
    public void Observe(LogTimestamp stamp)
    {
        if (stamp.HasYear)
            return;
        if (!_placed)
        {
            _year = Place(stamp).Year;
            _placed = true;
        }
        else if (IsRollover(_previousMonth, stamp.Month))
        {
            _year++;
        }
        _previousMonth = stamp.Month;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public DateTimeOffset Resolve(LogTimestamp stamp)
    {
        if (stamp.HasYear)
            return stamp.IsLocal ? InZone(stamp.Absolute.DateTime) : stamp.Absolute;
        Observe(stamp);
        var time = At(_year, stamp);
        if (time > _reference + FutureSlack)
            RanPastReference = true;
        return time;
    }

    /// <summary>The stamp in the latest year that puts it at or before the reference.</summary>
    private DateTimeOffset Place(LogTimestamp stamp)
    {
        var year = TimeZoneInfo.ConvertTime(_reference, _zone).Year;
        var time = At(year, stamp);
        return time > _reference + FutureSlack ? At(year - 1, stamp) : time;
    }

    private DateTimeOffset At(int year, LogTimestamp stamp)
    {
        // A file that flips between December and January thousands of times must not leave the calendar.
        year = Math.Clamp(year, 1970, 9000);
        // 29 February of a common year cannot be: it is read as the 28th rather than dropped.
        var day = stamp.Month == 2 && stamp.Day == 29 && !DateTime.IsLeapYear(year) ? 28 : stamp.Day;
        return InZone(new DateTime(year, stamp.Month, day, 0, 0, 0, DateTimeKind.Unspecified).AddSeconds(stamp.SecondOfDay));
    }

    private DateTimeOffset InZone(DateTime local)
    {
        var hourKey = local.Ticks / TimeSpan.TicksPerHour;
        if (hourKey != _cachedHourKey)
        {
            _cachedOffset = _zone.GetUtcOffset(local);
            _cachedHourKey = hourKey;
        }
        return new DateTimeOffset(local, _cachedOffset);
    }
}

/// <summary>What a pre-scan of one file tells year inference: its New Years, and its first and newest year-less stamps.</summary>
public sealed record YearScan(int Rollovers, LogTimestamp? First, LogTimestamp? Last);
