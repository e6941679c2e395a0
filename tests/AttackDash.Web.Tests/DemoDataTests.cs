using System.Globalization;
using AttackDash.Generation;

namespace AttackDash.Web.Tests;

/// <summary>The demo year a first start generates ends before the present: no "last seen" later than now.</summary>
public sealed class DemoDataTests
{
    [Theory]
    [InlineData("2026-12-02T07:00:00Z")]
    [InlineData("2026-12-02T00:00:01Z")]
    [InlineData("2027-01-01T23:59:59Z")]
    public void The_demo_year_has_no_line_later_than_now(string nowText)
    {
        var now = DateTimeOffset.Parse(nowText, CultureInfo.InvariantCulture);
        using var log = new StringWriter();
        LogGenerator.Generate(log, DemoData.DemoYear(now, 20_000));
        // ISO-stamped lines; the generator also writes a few deliberately malformed ones, skipped here.
        var newest = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => DateTimeOffset.TryParse(l.Split(' ')[0], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : DateTimeOffset.MinValue).Max();
        Assert.True(newest <= now, $"{newest:o} is later than {now:o}");
        Assert.True(now - newest < TimeSpan.FromDays(2), $"the demo should reach the last day; it ends {newest:o}");
    }
}
