using AttackDash.Core.Analysis;
using AttackDash.Core.Events;
using AttackDash.Core.Net;

namespace AttackDash.Core.Tests;

public sealed class BacktestTests
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    private static Backtester Replay()
    {
        var b = new Backtester();
        void Add(int day, string ip, EventKind kind, int n)
        {
            for (var i = 0; i < n; i++)
                b.Add(new MailEvent(Monday.AddDays(day).AddMinutes(i), kind, "mx", 1, null, IpAddress128.Parse(ip), null, false, null, ""));
        }
        Add(1, "198.51.100.10", EventKind.AuthFailure, 150);   // week 0: a heavy hitter
        Add(2, "203.0.113.5", EventKind.AccessDenied, 3);       // week 0: a light one
        Add(8, "198.51.100.10", EventKind.AuthFailure, 50);    // week 1: the heavy hitter again
        Add(8, "203.0.113.5", EventKind.AccessDenied, 2);       // week 1: the light one again
        Add(9, "192.0.2.77", EventKind.RelayDenied, 40);       // week 1: a new one
        Add(9, "198.51.100.200", EventKind.MessageAccepted, 10); // week 1: a good MTA in the heavy hitter's /24
        return b;
    }

    [Fact]
    public void A_block_decided_at_the_end_of_a_week_stops_the_next_weeks_attacks()
    {
        var r = Replay().Run(new BlockPolicy("100/7d /32", 100, 7, 32, 128, TimeSpan.FromDays(30)));
        Assert.Equal(2, r.Weeks.Count);
        Assert.Equal(new BacktestWeek(Monday, 153, 0, 0, 0, 0, 153), r.Weeks[0]);
        Assert.Equal(new BacktestWeek(Monday.AddDays(7), 92, 50, 1, 0, 0, 40), r.Weeks[1]);
        Assert.Equal(50.0 / 245, r.StoppedShare, 6);
    }

    [Fact]
    public void Blocking_the_24_also_refuses_the_good_mail_inside_it()
    {
        var r = Replay().Run(new BlockPolicy("100/7d /24", 100, 7, 24, 64, TimeSpan.FromDays(30)));
        Assert.Equal(50, r.Stopped);
        Assert.Equal(10, r.CollateralMessages);
    }

    [Fact]
    public void Blocking_every_ip_ever_seen_misses_the_new_ones()
    {
        var r = Replay().Run(BlockPolicy.Defaults.Single(p => p.EverSeen));
        Assert.Equal(52, r.Weeks[1].Stopped);
        Assert.Equal(2, r.MaxEntries);
        Assert.Equal(40, r.Weeks[1].AttackEvents - r.Weeks[1].Stopped);
    }

    [Fact]
    public void No_list_stops_more_than_the_attacks_from_ips_seen_in_an_earlier_week_and_every_ip_ever_seen_stops_exactly_those()
    {
        var replay = Replay();
        foreach (var policy in BlockPolicy.Defaults)
        {
            var r = replay.Run(policy);
            Assert.Equal(193, r.FromNewIps);     // week 0's 153, and week 1's new 40
            Assert.Equal(52.0 / 245, r.BestPossibleShare, 6);
            Assert.True(r.Stopped <= r.AttackEvents - r.FromNewIps, policy.Name);
            if (policy.EverSeen)
                Assert.Equal(r.AttackEvents - r.FromNewIps, r.Stopped);
        }
    }

    [Fact]
    public void Bans_end_after_their_time()
    {
        var b = new Backtester();
        for (var i = 0; i < 100; i++)
            b.Add(new MailEvent(Monday.AddMinutes(i), EventKind.AuthFailure, "mx", 1, null, IpAddress128.Parse("198.51.100.10"), null, false, null, ""));
        foreach (var week in new[] { 1, 2, 3 })
            b.Add(new MailEvent(Monday.AddDays(7 * week), EventKind.AuthFailure, "mx", 1, null, IpAddress128.Parse("198.51.100.10"), null, false, null, ""));
        var r = b.Run(new BlockPolicy("100/7d 14d", 100, 7, 32, 128, TimeSpan.FromDays(14)));
        Assert.Equal([0L, 1, 1, 0], r.Weeks.Select(w => w.Stopped));
    }

    [Fact]
    public void A_window_of_several_weeks_counts_exactly_the_attacks_of_those_weeks_as_it_slides()
    {
        // Out of order on purpose: with the first week given, the rollup may be read in any order.
        var b = new Backtester(Monday);
        foreach (var week in new[] { 5, 4, 3, 2, 1, 0 })
            b.Add(Monday.AddDays(7 * week + 1), EventKind.AuthFailure, IpAddress128.Parse("198.51.100.10"), 4);
        b.Add(Monday.AddDays(7 * 3 + 2), EventKind.AccessDenied, IpAddress128.Parse("203.0.113.5"), 6);
        b.Add(Monday.AddDays(2), EventKind.AccessDenied, IpAddress128.Parse("203.0.113.5"), 6);

        var r = b.Run(new BlockPolicy("10/21d", 10, 21, 32, 128, TimeSpan.FromDays(7)));

        // 198.51.100.10 reaches 12 in weeks 0-2 and stays there; 203.0.113.5 never has 12 in three weeks,
        // because its week 0 has left the window when its week 3 comes in.
        Assert.Equal([0L, 0, 0, 4, 4, 4], r.Weeks.Select(w => w.Stopped));
        Assert.Equal([0, 0, 0, 1, 1, 1], r.Weeks.Select(w => w.Entries));
        Assert.Equal([10L, 4, 4, 10, 4, 4], r.Weeks.Select(w => w.AttackEvents));
        Assert.Equal(10, r.FromNewIps);
    }
}
