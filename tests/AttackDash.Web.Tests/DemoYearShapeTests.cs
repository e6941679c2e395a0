using System.Globalization;
using AttackDash.Generation;

namespace AttackDash.Web.Tests;

/// <summary>The demo a first start loads has the shape of the operator's year, and its default 7-day view has something to show.</summary>
public sealed class DemoYearShapeTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-03T09:30:00Z", CultureInfo.InvariantCulture);
    private static readonly Lazy<GroundTruth> Truth = new(() => LogGenerator.Generate(TextWriter.Null, DemoData.DemoYear(Now, DemoData.DefaultLines)));

    [Fact]
    public void The_demo_year_has_about_6800_attacker_ips_three_giants_about_55_heavy_hitters_and_mostly_one_or_two_events()
    {
        var truth = Truth.Value;
        Assert.InRange(truth.UniqueAttackerIps, 6_400, 7_200);
        Assert.Equal(3, truth.Offenders.Count(o => o.Events >= 50_000));
        Assert.InRange(truth.Offenders.Count(o => o.Events >= 100), 45, 65);
        Assert.True(truth.Offenders.Count(o => o.Events <= 2) > truth.UniqueAttackerIps / 2, "most IPs should have 1-2 events");
    }

    [Fact]
    public void The_last_seven_days_hold_rotating_ip_campaigns_an_injection_and_a_possible_compromise()
    {
        var truth = Truth.Value;
        var weekStart = new DateTimeOffset(Now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-6);
        Assert.True(truth.Campaigns.Count(c => c.First >= weekStart && c.Ips >= 5) >= 3, "campaigns in the 7-day view");
        Assert.Contains(truth.PossibleCompromises, c => c.Time >= weekStart);
        Assert.Contains(truth.Injections, i => i.Time >= weekStart);
        // A year of ~6,800 IPs spread over 52 weeks leaves ~130 active in any one of them; the old demo had 39.
        Assert.True(truth.Offenders.Count(o => o.Last >= weekStart) >= 100, "attackers active in the 7-day view");
    }
}
