using System.Globalization;
using AttackDash.Core.Input;

namespace AttackDash.Core.Tests;

/// <summary>
/// Year-less years stay whole: a file is placed as one span, never split line by line, whether its
/// modification time is its last write (a rotation) or the day it was copied (a backup).
/// </summary>
public sealed class YearOfCopiesTests
{
    private static readonly DateTimeOffset Today = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>One line every six hours from Jan 1 to Dec 31 of a year-less year.</summary>
    private static string WriteYear(TempDir dir, string name, int fromMonth = 1, int toMonth = 12)
    {
        var path = dir.File(name);
        using var w = new StreamWriter(path);
        for (var t = new DateTime(2023, fromMonth, 1); t < new DateTime(2023, toMonth, 1).AddMonths(1); t = t.AddHours(6))
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t:MMM} {t.Day,2} {t:HH:mm:ss} mx sm-mta[{t.DayOfYear}]: [192.0.2.1]: possible SMTP attack: command=AUTH, count=3"));
        return path;
    }

    private static List<DateTimeOffset> Times(string[] paths, int? year = null, StringWriter? warnings = null)
    {
        var sink = new ListSink();
        var engine = new LogEngine(sink);
        var options = new ReadOptions { Zone = TimeZoneInfo.Utc, Year = year, Clock = new FixedClock(Today) };
        new LogRunner(options, warnings ?? new StringWriter()).Run(paths, engine);
        return sink.Events.Select(e => e.Time).ToList();
    }

    [Fact]
    public void A_year_file_rotated_on_new_years_day_stays_whole_in_its_year()
    {
        using var dir = new TempDir();
        var path = WriteYear(dir, "maillog.1");
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc));
        var times = Times([path]);
        Assert.All(times, t => Assert.Equal(2025, t.Year));
    }

    [Fact]
    public void A_backup_copied_today_gives_last_year_for_every_line_and_says_why_once()
    {
        using var dir = new TempDir();
        var path = WriteYear(dir, "maillog.1");
        File.SetLastWriteTimeUtc(path, Today.UtcDateTime);
        var warnings = new StringWriter();
        var times = Times([path], warnings: warnings);
        Assert.All(times, t => Assert.Equal(2025, t.Year));
        var lines = warnings.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("give --year", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_year_option_places_the_whole_file_in_that_year()
    {
        using var dir = new TempDir();
        var path = WriteYear(dir, "maillog.1");
        File.SetLastWriteTimeUtc(path, Today.UtcDateTime);
        Assert.All(Times([path], year: 2019), t => Assert.Equal(2019, t.Year));
    }

    [Fact]
    public void A_rotated_set_copied_today_is_one_consistent_span_in_read_order()
    {
        using var dir = new TempDir();
        // maillog.2 holds Jan-Jun, maillog.1 Jul-Dec of one year, then the live maillog Jan-Feb of the next.
        string[] paths = [WriteYear(dir, "maillog.2", 1, 6), WriteYear(dir, "maillog.1", 7, 12), WriteYear(dir, "maillog", 1, 2)];
        foreach (var p in paths)
            File.SetLastWriteTimeUtc(p, Today.UtcDateTime);
        var times = Times(paths);
        Assert.Equal(times.Order().ToList(), times);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), times[0]);
        Assert.Equal(2026, times[^1].Year);
    }

    [Fact]
    public void Inferred_times_never_go_backwards_within_a_file_beyond_a_clock_step()
    {
        using var dir = new TempDir();
        var path = dir.File("maillog");
        // Nov to Mar across a New Year, with a 40-minute clock step back in January.
        File.WriteAllLines(path,
        [
            "Nov 30 10:00:00 mx sm-mta[1]: [192.0.2.1]: possible SMTP attack: command=AUTH, count=3",
            "Dec 31 23:50:00 mx sm-mta[2]: [192.0.2.1]: possible SMTP attack: command=AUTH, count=3",
            "Jan  5 10:00:00 mx sm-mta[3]: [192.0.2.1]: possible SMTP attack: command=AUTH, count=3",
            "Jan  5 09:20:00 mx sm-mta[4]: [192.0.2.1]: possible SMTP attack: command=AUTH, count=3",
            "Mar  1 10:00:00 mx sm-mta[5]: [192.0.2.1]: possible SMTP attack: command=AUTH, count=3",
        ]);
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 3, 1, 10, 0, 1, DateTimeKind.Utc));
        var times = Times([path]);
        Assert.Equal([2025, 2025, 2026, 2026, 2026], times.Select(t => t.Year));
        Assert.True(times[3] > times[2] - TimeSpan.FromHours(1));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
