using System.Globalization;
using AttackDash.Core.Input;
using AttackDash.Core.Syslog;

namespace AttackDash.Core.Tests;

public sealed class YearInferenceTests
{
    private static readonly string[] NewYearLines =
    [
        "Dec 31 23:59:58 mx sm-mta[1]: [192.0.2.1]: possible SMTP attack: command=AUTH, count=5",
        "Jan  1 00:00:02 mx sm-mta[2]: [192.0.2.2]: possible SMTP attack: command=AUTH, count=5",
    ];

    [Fact]
    public void A_file_that_spans_new_year_rolls_over_to_the_year_of_its_modification_time()
    {
        using var dir = new TempDir();
        var path = dir.File("maillog");
        File.WriteAllLines(path, NewYearLines);
        File.SetLastWriteTimeUtc(path, new DateTime(2025, 1, 1, 0, 0, 5, DateTimeKind.Utc));
        var events = Read(path, new ReadOptions { Zone = TimeZoneInfo.Utc });
        Assert.Equal(new DateTimeOffset(2024, 12, 31, 23, 59, 58, TimeSpan.Zero), events[0].Time);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 2, TimeSpan.Zero), events[1].Time);
    }

    [Fact]
    public void The_year_option_gives_the_newest_line_its_year()
    {
        using var dir = new TempDir();
        var path = dir.File("maillog");
        File.WriteAllLines(path, NewYearLines);
        var events = Read(path, new ReadOptions { Zone = TimeZoneInfo.Utc, Year = 2019 });
        Assert.Equal(2018, events[0].Time.Year);
        Assert.Equal(2019, events[1].Time.Year);
    }

    [Fact]
    public void An_inferred_date_is_never_in_the_future()
    {
        var now = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var years = new YearInference(TimeZoneInfo.Utc, now);
        Assert.Equal(2024, years.Resolve(LogTimestamp.WithoutYear(11, 3, 3600)).Year);
        Assert.Equal(2025, years.Resolve(LogTimestamp.WithoutYear(2, 28, 3600)).Year);
    }

    [Fact]
    public void Year_less_times_are_local_time_in_the_given_zone()
    {
        Assert.True(TimeZones.TryParse("+09:00", out var tokyo, out _));
        var years = new YearInference(tokyo, new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var t = years.Resolve(LogTimestamp.WithoutYear(3, 1, 9 * 3600));
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), t.ToUniversalTime());
        Assert.True(TimeZones.TryParse("Europe/Berlin", out var berlin, out _));
        var summer = new YearInference(berlin, new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero)).Resolve(LogTimestamp.WithoutYear(7, 1, 12 * 3600));
        Assert.Equal(TimeSpan.FromHours(2), summer.Offset);
        Assert.False(TimeZones.TryParse("Mars/Olympus", out _, out var error));
        Assert.Contains("unknown time zone", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rotated_set_given_in_any_order_is_read_oldest_first()
    {
        var sorted = RotationOrder.Sort(["maillog", "maillog.2.gz", "maillog.10.gz", "maillog.1", "other.log"]);
        Assert.Equal(["maillog.10.gz", "maillog.2.gz", "maillog.1", "maillog", "other.log"], sorted);
        Assert.Equal(["maillog-20240101.gz", "maillog-20240108", "maillog"], RotationOrder.Sort(["maillog", "maillog-20240108", "maillog-20240101.gz"]));
    }

    [Fact]
    public void The_parallel_scan_of_a_large_file_counts_the_same_new_years_as_a_sequential_read()
    {
        using var dir = new TempDir();
        var path = dir.File("big.log");
        // ~40 MB over three New Years, so the scan splits it in two halves.
        using (var w = new StreamWriter(path))
        {
            var t = new DateTime(2021, 11, 1);
            var filler = new string('x', 300);
            while (t < new DateTime(2024, 3, 1))
            {
                w.Write(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t:MMM} {t.Day,2} {t:HH:mm:ss}"));
                w.Write(" mx sm-mta[1]: ");
                w.WriteLine(filler);
                t = t.AddMinutes(8);
            }
        }
        Assert.True(new FileInfo(path).Length > 32 << 20);
        Assert.Equal(3, RolloverScan.Count(new LogInput(path), 64 * 1024));
    }

    private static List<AttackDash.Core.Events.MailEvent> Read(string path, ReadOptions options, TextWriter? warnings = null) =>
        Read([path], options, warnings);

    private static List<AttackDash.Core.Events.MailEvent> Read(string[] paths, ReadOptions options, TextWriter? warnings = null)
    {
        var sink = new ListSink();
        var engine = new LogEngine(sink);
        new LogRunner(options, warnings ?? TextWriter.Null).Run(paths, engine);
        return sink.Events.OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.LineNumber).ToList();
    }
}
