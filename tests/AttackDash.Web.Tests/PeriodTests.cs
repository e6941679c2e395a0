using AttackDash.Storage.Queries;
using AttackDash.Web.Components.Pages.Overview.Components;
using AttackDash.Web.Components.Shared;
using AttackDash.Web.Live;
using Microsoft.AspNetCore.Components;

namespace AttackDash.Web.Tests;

public sealed class PeriodTests : BunitContext
{
    [Fact]
    public void A_preset_covers_whole_utc_days_up_to_and_including_today()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

        var week = Period.Last(7, clock);

        Assert.Equal((new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 29)), (week.From, week.To));
        Assert.False(week.Hourly);
        Assert.Equal("the last 7 days", week.ToString());
        Assert.True(week.Rollup.Daily);
    }

    [Fact]
    public void The_24_hour_preset_is_rolling_whole_hours_read_from_the_hourly_rollup()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 28, 10, 25, 0, TimeSpan.Zero));

        var day = Period.Last(1, clock);

        Assert.Equal((new DateTimeOffset(2026, 11, 27, 11, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 28, 11, 0, 0, TimeSpan.Zero)), (day.Start, day.End));
        Assert.True(day.Hourly);
        Assert.Equal(("hourly_ip_kind", "hour"), (day.Rollup.Table, day.Rollup.Column));
        Assert.Equal((new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 29)), (day.From, day.To));
    }

    [Fact]
    public void The_picker_reports_a_preset_and_ignores_a_custom_range_that_ends_before_it_starts()
    {
        Period? chosen = null;
        var picker = Render<PeriodPicker>(p => p.Add(x => x.Value, Period.Last(7))
            .Add(x => x.ValueChanged, EventCallback.Factory.Create<Period>(this, v => chosen = v)));

        picker.Find("button[data-days='30']").Click();
        Assert.Equal(TimeSpan.FromDays(30), chosen!.Length);

        chosen = null;
        picker.Find("#period-from").Change("2025-03-10");
        picker.Find("#period-to").Change("2025-03-01");
        picker.Find("#period-custom").Click();
        Assert.Null(chosen);

        picker.Find("#period-to").Change("2025-03-12");
        picker.Find("#period-custom").Click();
        Assert.Equal((new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 13), 0), (chosen!.From, chosen.To, chosen.PresetDays));
    }

    [Fact]
    public void The_compromise_panel_is_calm_when_no_attacker_got_in_and_alarms_with_rows_when_one_did()
    {
        var clock = new ViewerClock(JSInterop.JSRuntime);
        var calm = Render<CompromisePanel>(p => p.Add(c => c.Rows, []).Add(c => c.Clock, clock));
        Assert.Contains("ok", calm.Find("#compromise-panel").ClassList);

        var row = new CompromiseRow(System.Net.IPAddress.Parse("203.0.113.9"), 2, 1, 5000, DateTimeOffset.UnixEpoch, "NL");
        var alarm = Render<CompromisePanel>(p => p.Add(c => c.Rows, [row]).Add(c => c.Clock, clock));
        Assert.Contains("alert", alarm.Find("#compromise-panel").ClassList);
        Assert.Equal(["203.0.113.9", "2", "1", "5,000", "NL", "1970-01-01 00:00"], alarm.FindAll("#compromises td").Select(td => td.TextContent));
    }

    [Fact]
    public void Times_are_shown_in_the_viewers_zone()
    {
        var clock = new ViewerClock(JSInterop.JSRuntime);
        clock.Use(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

        Assert.Equal("2025-06-30 02:00", clock.Format(new DateTimeOffset(2025, 6, 30, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal("Europe/Berlin", clock.ZoneName);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
