using AttackDash.Core.Analysis;
using AttackDash.Core.Input;
using AttackDash.Core.Net;
using AttackDash.Core.Reports;

namespace AttackDash.Cli.Commands;

/// <summary><c>attackdash analyze [options] FILE...</c>: the whole year-of-logs analysis, offline.</summary>
internal static class AnalyzeCommand
{
    public const string Usage = """
        usage: attackdash analyze [options] FILE...   (FILE may be .gz, or - for stdin)
          --json                 write the attackdash.analyze/1 JSON document instead of the text report
          --events               write every event as one JSON object a line (JSON Lines) instead of a report
          --top N                offenders to list (default 20); --all lists every one
          --since T, --until T   only events in [since, until): 2025-01-31 or 2025-01-31T08:00:00+01:00
          --min-events N         heavy-hitter bar (default 100)
          --prefix N             IPv4 subnet size for aggregation (default 24); --prefix6 (default 64)
          --campaign-window D    (default 10m)   --campaign-min-ips N (default 5)
          --year Y               year of the newest year-less line (default: file modification time)
          --tz ZONE              zone of year-less times: IANA name or +09:00 (default: this machine's)
          --session-idle D       close an SMTP session after this much log time without a line (default 30m)
          --local CIDR,...       the operator's own networks: reported as local clients, never as offenders
                                 (loopback always is)
        """;

    private static readonly string[] Valued =
        ["--top", "--since", "--until", "--min-events", "--prefix", "--prefix6", "--campaign-window", "--campaign-min-ips", "--year", "--tz", "--session-idle", "--local"];

    public static int Run(IEnumerable<string> args, CliContext cli)
    {
        var a = new ArgList(args, Valued, ["--json", "--all", "--events"]);
        var read = CommonOptions.Read(a);
        var analysis = AnalysisOptionsFrom(a, read.Zone);
        int? top = a.Flag("--all") ? null : a.Int("--top", 20, 0, int.MaxValue);
        var files = CommonOptions.Inputs(a);
        if (a.Flag("--events"))
            return WriteEvents(files, read, a, cli.Out, cli.Error);

        var analyzer = new Analyzer(analysis);
        var engine = new LogEngine(analyzer, new EngineOptions { CaptureText = false, Correlation = CommonOptions.Correlation(a) });
        new LogRunner(read, cli.Error).Run(files, engine);
        CommonOptions.ReportMalformed(engine.Stats, cli.Error);
        var report = ReportBuilder.Build(analyzer, engine.Stats, files, analysis, top);
        if (a.Flag("--json"))
        {
            JsonReport.Write(cli.Out, report);
            cli.Out.WriteLine();
        }
        else
        {
            TextReport.Write(cli.Out, report, analysis);
        }
        return 0;
    }

    private static int WriteEvents(List<string> files, ReadOptions read, ArgList a, TextWriter stdout, TextWriter stderr)
    {
        using var events = new EventLines(stdout);
        var engine = new LogEngine(events, new EngineOptions { Correlation = CommonOptions.Correlation(a) });
        new LogRunner(read, stderr).Run(files, engine);
        CommonOptions.ReportMalformed(engine.Stats, stderr);
        return 0;
    }

    /// <summary>The analysis options shared by analyze and report.</summary>
    public static AnalysisOptions AnalysisOptionsFrom(ArgList a, TimeZoneInfo zone) => new()
    {
        Since = a.Time("--since", zone),
        Until = a.Time("--until", zone),
        MinEvents = a.Int("--min-events", 100, 1, int.MaxValue),
        Prefix = a.Int("--prefix", 24, 8, 32),
        Prefix6 = a.Int("--prefix6", 64, 16, 128),
        CampaignWindow = a.Duration("--campaign-window", TimeSpan.FromMinutes(10)),
        CampaignMinIps = a.Int("--campaign-min-ips", 5, 2, 1_000_000),
        Local = [.. LocalNetworks(a.Value("--local"))],
    };

    private static IEnumerable<Cidr> LocalNetworks(string? list)
    {
        foreach (var text in (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            yield return Cidr.TryParse(text, out var cidr, out var error) ? cidr : throw new UsageException($"--local: {error}");
    }
}
