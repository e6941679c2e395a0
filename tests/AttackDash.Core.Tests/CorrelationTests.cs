using System.Globalization;
using System.Text;
using AttackDash.Core.Correlation;
using AttackDash.Core.Events;
using AttackDash.Core.Input;
using AttackDash.Core.Net;
using AttackDash.Core.Syslog;

namespace AttackDash.Core.Tests;

public sealed class CorrelationTests
{
    [Fact]
    public void User_unknown_gets_ip_from_later_from_line_while_other_sessions_interleave()
    {
        var (events, _) = EngineHarness.Run([
            "Mar  1 10:00:00 mx sm-mta[101]: 5210A0aa000101: <a@example.com>... User unknown",
            "Mar  1 10:00:01 mx sm-mta[102]: 5210A0bb000102: <b@example.com>... User unknown",
            "Mar  1 10:00:02 mx sm-mta[102]: 5210A0bb000102: from=<x@y>, size=0, class=0, nrcpts=0, proto=ESMTP, daemon=MTA, relay=[198.51.100.2]",
            "Mar  1 10:00:03 mx sm-mta[101]: 5210A0aa000101: from=<x@y>, size=0, class=0, nrcpts=0, proto=ESMTP, daemon=MTA, relay=[198.51.100.1]",
        ], EngineHarness.SamplesNow);
        Assert.Equal(IpAddress128.Parse("198.51.100.1"), events.Single(e => e.Argument == "a@example.com").ClientIp);
        Assert.Equal(IpAddress128.Parse("198.51.100.2"), events.Single(e => e.Argument == "b@example.com").ClientIp);
    }

    [Fact]
    public void A_session_idle_longer_than_the_limit_is_closed_and_its_event_stays_unattributed()
    {
        var (events, engine) = EngineHarness.Run([
            "Mar  1 10:00:00 mx sm-mta[101]: 5210A0aa000101: <a@example.com>... User unknown",
            "Mar  1 11:00:00 mx sm-mta[999]: [192.0.2.9]: possible SMTP attack: command=AUTH, count=5",
            "Mar  1 11:00:01 mx sm-mta[101]: 5210A0aa000101: from=<x@y>, size=0, class=0, nrcpts=0, proto=ESMTP, daemon=MTA, relay=[198.51.100.1]",
        ], EngineHarness.SamplesNow);
        var unknown = events.Single(e => e.Kind == EventKind.UserUnknown);
        Assert.Null(unknown.ClientIp);
        Assert.Equal(1, engine.Unattributed);
    }

    [Fact]
    public void Correlation_state_stays_bounded_over_a_long_log()
    {
        var sink = new ListSink();
        var engine = new LogEngine(sink, new EngineOptions { Correlation = new CorrelatorOptions { SessionIdle = TimeSpan.FromMinutes(30) } });
        var years = new YearInference(TimeZoneInfo.Utc, EngineHarness.SamplesNow);
        var t = new DateTime(2025, 1, 1);
        var maxOpen = 0;
        for (var i = 0; i < 100_000; i++, t = t.AddSeconds(20))
        {
            var pid = 10_000 + (i % 50_000);
            var qid = string.Create(CultureInfo.InvariantCulture, $"51{i % 100_000:D6}{pid:D6}");
            var stamp = string.Create(CultureInfo.InvariantCulture, $"{t:MMM} {t.Day,2} {t:HH:mm:ss} mx sm-mta[{pid}]: {qid}: ");
            engine.Process(Encoding.ASCII.GetBytes(stamp + "<u@example.com>... User unknown"), years, "t", i * 2);
            engine.Process(Encoding.ASCII.GetBytes(stamp + "lost input channel from [192.0.2.1] to MTA after rcpt"), years, "t", (i * 2) + 1);
            maxOpen = Math.Max(maxOpen, engine.OpenCorrelationStates);
        }
        engine.Complete();
        // 30 minutes idle plus a 5-minute sweep interval at one session per 20 s: ~105 sessions, two states each.
        Assert.InRange(maxOpen, 100, 300);
        Assert.Equal(100_000, sink.Events.Count(e => e.Kind == EventKind.UserUnknown && e.ClientIp is not null));
    }
}
