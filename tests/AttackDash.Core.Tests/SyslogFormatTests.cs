using AttackDash.Core.Events;
using AttackDash.Core.Net;

namespace AttackDash.Core.Tests;

public sealed class SyslogFormatTests
{
    private const string Message = "s1GNXHYB005133: [190.5.230.178]: possible SMTP attack: command=AUTH, count=5";

    [Theory]
    [InlineData("Feb 16 23:33:20 smtp1 sm-mta[5133]: ", "2025-02-16T23:33:20Z")]
    [InlineData("2025-02-16T23:33:20+01:00 smtp1 sm-mta[5133]: ", "2025-02-16T23:33:20+01:00")]
    [InlineData("2025-02-16T23:33:20.123456+01:00 smtp1 sm-mta[5133]: ", "2025-02-16T23:33:20.123456+01:00")]
    [InlineData("2025-02-16T23:33:20Z smtp1 sm-mta[5133]: ", "2025-02-16T23:33:20Z")]
    [InlineData("2025-02-16T23:33:20+0100 smtp1 sm-mta[5133]: ", "2025-02-16T23:33:20+01:00")]
    [InlineData("Feb 16 23:33:20 <mail.info> smtp1 sm-mta[5133]: ", "2025-02-16T23:33:20Z")]
    [InlineData("Feb 16 23:33:20 smtp1 sendmail[5133]: [ID 801593 mail.info] ", "2025-02-16T23:33:20Z")]
    [InlineData("Feb  6 03:33:20 smtp1 sm-mta[5133]: ", "2025-02-06T03:33:20Z")]
    [InlineData("2025-02-16 23:33:20 smtp1 sm-mta[5133]: ", "2025-02-16T23:33:20Z")]
    [InlineData("<22>1 2025-02-16T23:33:20.123+02:00 smtp1 sm-mta 5133 - - ", "2025-02-16T23:33:20.123+02:00")]
    [InlineData("<22>1 2025-02-16T23:33:20Z smtp1 sm-mta 5133 - [origin ip=\"10.0.0.1\" x=\"a\\]b\"] ", "2025-02-16T23:33:20Z")]
    [InlineData("<22>1 2025-02-16T23:33:20Z smtp1 sm-mta 5133 - - \uFEFF", "2025-02-16T23:33:20Z")]
    [InlineData("<22>Feb 16 23:33:20 smtp1 sm-mta[5133]: ", "2025-02-16T23:33:20Z")]
    public void Every_supported_line_format_yields_the_event_at_its_time(string prefix, string time)
    {
        var (events, engine) = EngineHarness.Run([prefix + Message], EngineHarness.SamplesNow);
        var e = Assert.Single(events);
        Assert.Equal(EventKind.SmtpAttack, e.Kind);
        Assert.Equal(IpAddress128.Parse("190.5.230.178"), e.ClientIp);
        Assert.Equal(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture), e.Time);
        Assert.Equal("smtp1", e.MtaHost);
        Assert.Equal(5133, e.Pid);
        Assert.Equal(1, engine.Stats.SendmailLines);
    }

    [Theory]
    [InlineData("\"MESSAGE\":\"s1GNXHYB005133: [190.5.230.178]: possible SMTP attack: command=AUTH, count=5\"")]
    [InlineData("\"MESSAGE\":\"s1GNXHYB005133: [190.5.230.178]: possible SMTP attack: command=AUTH,\\u0020count=5\"")]
    [InlineData("\"MESSAGE\":[115,49,71,78,88,72,89,66,48,48,53,49,51,51,58,32,91,49,57,48,46,53,46,50,51,48,46,49,55,56,93,58,32,112,111,115,115,105,98,108,101,32,83,77,84,80,32,97,116,116,97,99,107,58,32,99,111,109,109,97,110,100,61,65,85,84,72,44,32,99,111,117,110,116,61,53]")]
    public void A_journalctl_json_line_yields_the_event_at_its_time(string message)
    {
        var line = "{\"__REALTIME_TIMESTAMP\":\"1739748800123456\",\"_HOSTNAME\":\"smtp1\",\"SYSLOG_IDENTIFIER\":\"sm-mta\",\"_PID\":\"5133\",\"PRIORITY\":\"6\"," + message + "}";
        var (events, _) = EngineHarness.Run([line], EngineHarness.SamplesNow);
        var e = Assert.Single(events);
        Assert.Equal(IpAddress128.Parse("190.5.230.178"), e.ClientIp);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks(17397488001234560), e.Time);
        Assert.Equal(("smtp1", 5133), (e.MtaHost, e.Pid));
    }

    [Theory]
    [InlineData("{\"MESSAGE\":\"x\"")]
    [InlineData("{\"__REALTIME_TIMESTAMP\":\"99999999999999999999\",\"_HOSTNAME\":\"h\",\"MESSAGE\":\"x\"}")]
    [InlineData("<22>1 2025-02-16T23:33:20Z smtp1 sm-mta 5133 - [unclosed")]
    [InlineData("<22>1 not-a-time smtp1 sm-mta 5133 - - x")]
    public void A_broken_structured_line_is_malformed(string line)
    {
        var (events, engine) = EngineHarness.Run([line], EngineHarness.SamplesNow);
        Assert.Empty(events);
        Assert.Equal(1, engine.Stats.MalformedLines);
    }

    [Theory]
    [InlineData("Feb 16 23:33:20 smtp1 postfix/smtpd[5133]: " + Message)]
    [InlineData("Feb 16 23:33:20 smtp1 sm-msp-queue[5133]: " + Message)]
    [InlineData("Feb 16 23:33:20 smtp1 last message repeated 3 times")]
    public void Other_programs_are_counted_as_other_and_ignored(string line)
    {
        var (events, engine) = EngineHarness.Run([line], EngineHarness.SamplesNow);
        Assert.Empty(events);
        Assert.Equal(1, engine.Stats.OtherLines);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("Feb 30 23:33:20 smtp1 sm-mta[1]: x")]
    [InlineData("Foo 16 23:33:20 smtp1 sm-mta[1]: x")]
    [InlineData("Feb 16 25:33:20 smtp1 sm-mta[1]: x")]
    [InlineData("2025-13-16T23:33:20Z smtp1 sm-mta[1]: x")]
    [InlineData("Feb 16 23:33:20")]
    public void Lines_without_a_readable_time_and_host_are_malformed(string line)
    {
        var (events, engine) = EngineHarness.Run([line], EngineHarness.SamplesNow);
        Assert.Empty(events);
        Assert.Equal(1, engine.Stats.MalformedLines);
        Assert.Equal(1, engine.Stats.Lines);
    }
}
