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
