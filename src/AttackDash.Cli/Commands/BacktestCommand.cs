using System.Globalization;
using System.Text.Json;
using AttackDash.Core.Analysis;
using AttackDash.Core.Input;
using AttackDash.Core.Reports;
using AttackDash.Operations.Blocking;

namespace AttackDash.Cli.Commands;

/// <summary><c>attackdash backtest FILE...</c>: does blocking work? Replays the logs week by week against blocking policies.</summary>
internal static class BacktestCommand
{
    public const string Usage = """
        usage: attackdash backtest [--json] [--policy P[,P...]] [--year Y] [--tz ZONE] FILE...
        Replays the events week by week: a block decided at the end of a week acts from the next one.
        For each policy: the share of attack events it would have stopped, the most entries it needed,
        and the legitimate messages and logins (from IPs that never attacked) it would have refused.
        Policies: those of Blocking:Policies in the settings, or else every IP ever seen (forever); >=100
        events in 7 days as /32 or /24 for 30 days; >=10 in 7 days as /32 for 30 days or /24 for 90 days.
        --policy replays these instead: each the Name of a configured policy, or N/WINDOW/BLOCK/BAN, e.g.
        100/7d/24/30d (100 attacks in 7 days: block the /24 for 30 days; BAN may be 'forever'). The last line gives the attacks from IPs never
        seen in an earlier week, which no IP list can stop, and so the most any list could have stopped.
        """;

    public static int Run(IEnumerable<string> args, CliContext cli)
    {
        var a = new ArgList(args, ["--year", "--tz", "--policy"], ["--json"]);
        var read = CommonOptions.Read(a);
        var files = CommonOptions.Inputs(a);
        var backtester = new Backtester();
        var engine = new LogEngine(backtester, new EngineOptions { CaptureText = false });
        new LogRunner(read, cli.Error).Run(files, engine);
        var results = Policies(a.Value("--policy"), cli).Select(backtester.Run).ToList();
        if (a.Flag("--json"))
        {
            cli.Out.WriteLine(JsonSerializer.Serialize(new { schema = "attackdash.backtest/1", results }, JsonReport.Options));
            return 0;
        }
        cli.Out.WriteLine($"{"policy",-28} {"stopped",8} {"of attacks",12} {"entries",8} {"legit msgs",11} {"logins",7}");
        foreach (var r in results)
        {
            cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Policy,-28} {r.StoppedShare,8:P1} {r.AttackEvents,12:#,0} {r.MaxEntries,8:#,0} {r.CollateralMessages,11:#,0} {r.CollateralLogins,7:#,0}"));
        }
        if (results.FirstOrDefault() is { AttackEvents: > 0 } any)
            cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{any.FromNewIps:#,0} attacks ({1 - any.BestPossibleShare:P1}) came from IPs never seen in an earlier week: no IP list stops those, so {any.BestPossibleShare:P1} is the most any can stop."));
        return 0;
    }

    /// <summary>The configured policies (or the defaults), or those --policy names or spells out.</summary>
    private static IReadOnlyList<BlockPolicy> Policies(string? chosen, CliContext cli)
    {
        var configured = cli.Options<BlockingOptions>().ToPolicies();
        if (chosen is null)
            return configured;
        return [.. chosen.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(p =>
            configured.FirstOrDefault(c => string.Equals(c.Name, p, StringComparison.OrdinalIgnoreCase))
            ?? BlockPolicy.Parse(p, out var error) ?? throw new UsageException($"--policy {error} (nor the Name of a configured policy)"))];
    }
}
