using AttackDash.Core.Analysis;
using AttackDash.Core.Input;
using AttackDash.Core.Net;
using AttackDash.Core.Reports;
using AttackDash.Storage.Blocking;
using AttackDash.Storage.Ingest;

namespace AttackDash.Cli.Commands;

/// <summary><c>attackdash report</c>: the analyze report, computed from the database over any period.</summary>
internal static class ReportCommand
{
    public const string Usage = """
        usage: attackdash report [--since T] [--until T] [--json] [--all] [--top N] [--host NAME] [--tz ZONE] [--local CIDR,...]
        The same report and JSON schema (attackdash.analyze/1) as analyze, from the stored events.
        """;

    public static async Task<int> RunAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = new ArgList(args, ["--since", "--until", "--top", "--host", "--tz", "--min-events", "--prefix", "--prefix6", "--campaign-window", "--campaign-min-ips", "--local"], ["--json", "--all"]);
        var zone = CommonOptions.Read(a).Zone;
        var analysis = AnalyzeCommand.AnalysisOptionsFrom(a, zone);
        int? top = a.Flag("--all") ? null : a.Int("--top", 20, 0, int.MaxValue);
        if (a.Positionals.Count > 0)
            throw new UsageException($"report reads the database and takes no files ('{a.Positionals[0]}')");
        await using var db = await cli.OpenDatabaseAsync();
        // The store's allowlist is the operator's own networks: local, as --local is (docs: "Local clients").
        var allowlist = await cli.Service<IBlockingService>().AllowlistAsync();
        analysis.Local = [.. analysis.Local, .. allowlist.Select(a => a.Network)];
        var reader = cli.Service<EventReader>();
        var analyzer = new Analyzer(analysis);
        await reader.ReadAsync(analyzer, analysis.Since, analysis.Until, a.Value("--host"));
        var sources = await reader.SourcesAsync();
        var stats = InputStats.From(sources.Lines, sources.Sendmail, sources.Other, sources.Malformed, sources.First, sources.Last);
        var report = ReportBuilder.Build(analyzer, stats, sources.Files, analysis, top);
        if (a.Flag("--json"))
            cli.Out.WriteLine(JsonReport.ToJson(report));
        else
            TextReport.Write(cli.Out, report, analysis);
        return 0;
    }
}
