using System.IO.Compression;
using System.Text;
using AttackDash.Core.Input;
using AttackDash.Core.Sendmail;

namespace AttackDash.Core.Tests;

/// <summary>No input makes the engine throw; bad lines are counted, never lost.</summary>
public sealed class RobustnessTests
{
    private const string Good = "Feb 16 23:33:20 smtp1 sm-mta[5133]: s1GNXHYB005133: [190.5.230.178]: possible SMTP attack: command=AUTH, count=5";

    [Fact]
    public void Random_bytes_and_cut_lines_never_make_the_parser_throw()
    {
        var rng = new Random(12345);
        var seeds = File.ReadAllLines(EngineHarness.DataPath("peer-logs", "fail2ban-sendmail-reject"))
            .Concat(File.ReadAllLines(EngineHarness.DataPath("samples", "rejects.log"))).Select(Encoding.UTF8.GetBytes).ToArray();
        var engine = new LogEngine(new ListSink());
        var years = new AttackDash.Core.Syslog.YearInference(TimeZoneInfo.Utc, EngineHarness.SamplesNow);
        for (var i = 0; i < 200_000; i++)
        {
            var line = seeds[rng.Next(seeds.Length)].ToArray();
            switch (rng.Next(4))
            {
                case 0:
                    line = line[..rng.Next(line.Length + 1)];
                    break;
                case 1:
                    for (var k = rng.Next(1, 6); k > 0 && line.Length > 0; k--)
                        line[rng.Next(line.Length)] = (byte)rng.Next(256);
                    break;
                case 2:
                    line = new byte[rng.Next(0, 300)];
                    rng.NextBytes(line);
                    break;
                default:
                    line = line[rng.Next(line.Length + 1)..];
                    break;
            }
            engine.Process(line, years, "fuzz", i + 1);
            _ = SendmailRules.Parse(line);
        }
        engine.Complete();
        Assert.Equal(200_000, engine.Stats.Lines);
    }

    [Fact]
    public void A_one_megabyte_line_is_counted_malformed_and_the_next_line_is_read()
    {
        using var dir = new TempDir();
        var path = dir.File("huge.log");
        File.WriteAllText(path, $"{Good}\n{Good[..40]}{new string('x', 1 << 20)}\n{Good}\n");
        var (events, stats) = Read(path);
        Assert.Equal(2, events.Count);
        Assert.Equal(3, stats.Lines);
        Assert.Equal(1, stats.MalformedLines);
        Assert.Contains("huge.log:2: line longer than", stats.MalformedSample[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_replaced_not_fatal()
    {
        using var dir = new TempDir();
        var path = dir.File("bad-utf8.log");
        var line = Encoding.UTF8.GetBytes(
            "Feb 25 04:02:27 relay1 sendmail[16664]: 06I02CNi016764: AUTH failure (LOGIN): authentication failure (-13) SASL(-13): authentication failure: checkpass failed, user=X, relay=[192.0.2.3]");
        var userAt = Array.IndexOf(line, (byte)'X');
        var bytes = line[..userAt].Concat(new byte[] { 0xff, 0xfe, 0xc3 }).Concat(line[(userAt + 1)..]).Concat("\r\n"u8.ToArray()).ToArray();
        File.WriteAllBytes(path, bytes);
        var (events, _) = Read(path);
        var e = Assert.Single(events);
        Assert.Equal("\uFFFD\uFFFD\uFFFD", e.User);
    }

    [Fact]
    public void A_truncated_gzip_yields_the_lines_before_the_cut_and_a_warning()
    {
        using var dir = new TempDir();
        var path = dir.File("maillog.1.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Optimal))
        {
            var rng = new Random(1);
            for (var i = 0; i < 20_000; i++)
                gz.Write(Encoding.ASCII.GetBytes($"{Good.Replace("190.5.230.178", $"10.0.{rng.Next(256)}.{rng.Next(256)}", StringComparison.Ordinal)}\n"));
        }
        var full = File.ReadAllBytes(path);
        File.WriteAllBytes(path, full[..(full.Length / 2)]);
        var warnings = new StringWriter();
        var (events, stats) = Read(path, warnings);
        Assert.InRange(events.Count, 1_000, 19_999);
        Assert.Contains("input ends early", warnings.ToString(), StringComparison.Ordinal);
        Assert.True(stats.Lines >= events.Count);
    }

    private static (List<AttackDash.Core.Events.MailEvent> Events, InputStats Stats) Read(string path, TextWriter? warnings = null)
    {
        var sink = new ListSink();
        var engine = new LogEngine(sink);
        new LogRunner(new ReadOptions { Zone = TimeZoneInfo.Utc, ReferenceTime = EngineHarness.SamplesNow }, warnings ?? TextWriter.Null).Run([path], engine);
        return (sink.Events, engine.Stats);
    }
}

/// <summary>Lines whose written year is absurd are malformed: counted, named on stderr, and never an event.</summary>
public sealed class AbsurdTimestampTests
{
    [Theory]
    [InlineData("9999-12-31T23:59:59-12:00 mx sm-mta[1]: [192.0.2.1]: possible SMTP attack: command=AUTH, count=3")]
    [InlineData("2500-01-01T00:00:00Z mx sm-mta[1]: [192.0.2.1]: possible SMTP attack: command=AUTH, count=3")]
    [InlineData("1969-12-31T23:59:59Z mx sm-mta[1]: [192.0.2.1]: possible SMTP attack: command=AUTH, count=3")]
    public void An_absurd_year_is_counted_as_malformed_and_the_next_line_is_still_read(string absurd)
    {
        var (events, engine) = EngineHarness.Run(
            [absurd, "2025-06-01T10:00:00Z mx sm-mta[2]: [192.0.2.2]: possible SMTP attack: command=AUTH, count=3"],
            EngineHarness.SamplesNow);
        Assert.Equal(1, engine.Stats.MalformedLines);
        var e = Assert.Single(events);
        Assert.Equal("192.0.2.2", e.ClientIp.ToString());
    }

    [Fact]
    public void Analyze_reports_a_year_9999_line_as_malformed_and_exits_0()
    {
        using var dir = new TempDir();
        var path = dir.File("maillog");
        File.WriteAllLines(path, ["9999-12-31T23:59:59+14:00 mx sm-mta[1]: [192.0.2.1]: possible SMTP attack: command=AUTH, count=3"]);
        var (exit, _, stderr) = CliRunner.Run("analyze", "--json", path);
        Assert.Equal(0, exit);
        Assert.Contains("1 malformed line", stderr, StringComparison.Ordinal);
    }
}
