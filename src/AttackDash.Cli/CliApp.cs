using AttackDash.Cli.Commands;
using AttackDash.Cli.Commands.Blocking;
using Microsoft.Extensions.DependencyInjection;

namespace AttackDash.Cli;

/// <summary>The <c>attackdash</c> command: dispatches to one verb and turns usage errors into one line and exit code 2.</summary>
public static class CliApp
{
    internal const string Usage = """
        usage: attackdash COMMAND [options]
          analyze FILE...    report attacks found in sendmail logs (text or --json)
          generate           write a deterministic synthetic sendmail log and its ground truth
          ingest FILE...     load logs into the PostgreSQL store, each event exactly once
          report             the analyze report computed from the store, over any period
          migrate            bring the database schema up to date
          prune --keep D     drop raw events older than D (monthly partitions)
          geoip IP...        look addresses up in the configured GeoIP databases
          query-timings      time the dashboard's heaviest queries on this store
          status             each log's lines and last commit, active blocks, open review items
          block CIDR         block an address or network (allowlist and width rules apply)
          unblock CIDR       end a block
          allow CIDR         put a network on the allowlist (--remove takes it off)
          export --format F  the active block list for nftables, ipset, iptables, sendmail, ...
          apply --format F   load the active block list into this host's nftables, ipset or iptables
          backtest FILE...   replay logs against blocking policies: what would each have stopped?
          token ...          create, revoke or list the block-list API's bearer tokens
          review ...         the weekly offender review: open, show, decide
          user ...           dashboard accounts: list, add, passwd, role, disable, enable, remove, unlock
        'attackdash COMMAND --help' (or -h) describes a command's options; 'attackdash --version' the version;
        'attackdash help --man' writes the attackdash(1) manual page; 'attackdash completion bash' bash's completion.
        Exit codes: 0 done, 1 a runtime failure (one line; --verbose adds the stack), a refused account change
        or a silent log (status --max-silence), 2 bad usage or a refused block, 3 database error.
        """;

    /// <param name="settings">Configuration over every other source (tests; see <see cref="CliHost"/>).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?>? settings = null)
    {
        if (args is ["help", "--man"])
        {
            ManPage.Write(stdout, Version);
            return 0;
        }
        if (args is ["completion", "bash"])
        {
            Completion.WriteBash(stdout);
            return 0;
        }
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        if (args[0] is "--version" or "-V" or "version")
        {
            stdout.WriteLine($"attackdash {Version}");
            return 0;
        }
        // --verbose, anywhere: a runtime failure prints its stack as well as its one line.
        var verbose = args.Contains("--verbose");
        var rest = args.Skip(1).Where(a => a != "--verbose").ToList();
        try
        {
            // "-h" is never a file name here: a log called -h is read as ./-h.
            if (rest.Contains("--help") || rest.Contains("-h"))
                return Help(stdout, args[0]);
            using var host = CliHost.Build(settings);
            await using var scope = host.Services.CreateAsyncScope();
            var cli = new CliContext(stdout, stderr, scope.ServiceProvider);
            return args[0] switch
            {
                "analyze" => AnalyzeCommand.Run(rest, cli),
                "generate" => GenerateCommand.Run(rest, cli),
                "ingest" => await IngestCommand.RunAsync(rest, cli),
                "report" => await ReportCommand.RunAsync(rest, cli),
                "migrate" => await MigrateCommand.RunAsync(rest, cli),
                "prune" => await PruneCommand.RunAsync(rest, cli),
                "geoip" => GeoIpCommand.Run(rest, cli),
                "query-timings" => await QueryTimingsCommand.RunAsync(rest, cli),
                "status" => await StatusCommand.RunAsync(rest, cli),
                "block" => await BlockCommands.BlockAsync(rest, cli),
                "unblock" => await BlockCommands.UnblockAsync(rest, cli),
                "allow" => await BlockCommands.AllowAsync(rest, cli),
                "export" => await BlockCommands.ExportAsync(rest, cli),
                "apply" => await ApplyCommand.RunAsync(rest, cli),
                "backtest" => BacktestCommand.Run(rest, cli),
                "token" => await TokenCommand.RunAsync(rest, cli),
                "review" => await ReviewCommand.RunAsync(rest, cli),
                "user" => await UserCommand.RunAsync(rest, cli),
                _ => throw new UsageException($"unknown command '{args[0]}' (known: analyze, generate, ingest, report, migrate, prune, geoip, query-timings, status, block, unblock, allow, export, apply, backtest, token, review, user)"),
            };
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"attackdash: {e.Message}");
            return 2;
        }
        catch (AttackDash.Storage.Blocking.BlockRefusedException e)
        {
            // The allowlist, the width rule or the state of the list refused a change: exit 2, like bad usage.
            stderr.WriteLine($"attackdash: refused: {e.Message}");
            return 2;
        }
        catch (Npgsql.NpgsqlException e)
        {
            stderr.WriteLine($"attackdash: database error: {e.Message}");
            return 3;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(verbose ? $"attackdash: {e}" : $"attackdash: {e.Message.Split('\n')[0]} (--verbose shows where)");
            return 1;
        }
    }

    /// <summary>The informational version the build stamps (with the commit when built from git), else the assembly version.</summary>
    public static string Version { get; } =
        typeof(CliApp).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion
        ?? typeof(CliApp).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>Every verb and its help text, in the order of <see cref="Usage"/>; the man page is made from it.</summary>
    internal static IReadOnlyList<(string Name, string Usage)> Commands { get; } =
    [
        ("analyze", AnalyzeCommand.Usage),
        ("generate", GenerateCommand.Usage),
        ("ingest", IngestCommand.Usage),
        ("report", ReportCommand.Usage),
        ("migrate", "usage: attackdash migrate"),
        ("prune", PruneCommand.Usage),
        ("geoip", GeoIpCommand.Usage),
        ("query-timings", QueryTimingsCommand.Usage),
        ("status", StatusCommand.Usage),
        ("block", BlockCommands.BlockUsage),
        ("unblock", BlockCommands.UnblockUsage),
        ("allow", BlockCommands.AllowUsage),
        ("export", BlockCommands.ExportUsage),
        ("apply", ApplyCommand.Usage),
        ("backtest", BacktestCommand.Usage),
        ("token", TokenCommand.Usage),
        ("review", ReviewCommand.Usage),
        ("user", UserCommand.Usage),
    ];

    private static int Help(TextWriter stdout, string command)
    {
        stdout.WriteLine(Commands.FirstOrDefault(c => c.Name == command).Usage ?? Usage);
        return 0;
    }
}
