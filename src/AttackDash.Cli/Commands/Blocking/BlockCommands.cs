using AttackDash.Core.Blocking.Export;
using AttackDash.Core.Net;
using AttackDash.Storage.Blocking;

namespace AttackDash.Cli.Commands.Blocking;

/// <summary><c>block</c>, <c>unblock</c>, <c>allow</c> and <c>export</c>: the block list from the command line, with the UI's rules.</summary>
internal static class BlockCommands
{
    public const string BlockUsage = """
        usage: attackdash block CIDR --reason TEXT [--expires 30d] [--confirm-wide]
        Blocks an address or network now. Refused (exit 2, with the reason) when it overlaps the allowlist
        or is wider than /16 (IPv4) or /48 (IPv6) without --confirm-wide. Without --expires the ban time
        grows with each earlier block of the same network (7 days, doubled each time, at most a year).
        """;

    public const string UnblockUsage = "usage: attackdash unblock CIDR [--reason TEXT]";

    public const string AllowUsage = "usage: attackdash allow CIDR [--note TEXT]   (never block this network; ends the active blocks it overlaps)\n       attackdash allow --remove CIDR [--note REASON]";

    public static string ExportUsage => $"""
        usage: attackdash export --format FORMAT      FORMAT: {string.Join('|', BlocklistExporters.All.Select(e => e.Format))}
        Writes the active block list, merged into its smallest cover, to stdout.
        """;

    private static string Actor => CommonOptions.Actor;

    public static async Task<int> BlockAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = new ArgList(args, ["--reason", "--expires"], ["--confirm-wide"]);
        var network = OneNetwork(a);
        var reason = a.Value("--reason") ?? throw new UsageException("--reason TEXT is required: every block says why");
        TimeSpan? expires = a.Value("--expires") is null ? null : a.Duration("--expires", TimeSpan.Zero);
        await using var db = await cli.OpenDatabaseAsync();
        try
        {
            var entry = await cli.Service<IBlockingService>().BlockAsync(network, reason, Actor, expires, a.Flag("--confirm-wide"));
            cli.Out.WriteLine($"attackdash: blocked {entry.Network}" + (entry.ExpiresAt is { } x ? $" until {x:yyyy-MM-dd HH:mm}Z" : ""));
            return 0;
        }
        catch (BlockRefusedException e)
        {
            throw new UsageException($"refused: {e.Message}");
        }
    }

    public static async Task<int> UnblockAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = new ArgList(args, ["--reason"], []);
        var network = OneNetwork(a);
        await using var db = await cli.OpenDatabaseAsync();
        try
        {
            await cli.Service<IBlockingService>().UnblockAsync(network, Actor, a.Value("--reason"));
        }
        catch (BlockRefusedException e)
        {
            throw new UsageException(e.Message);
        }
        cli.Out.WriteLine($"attackdash: unblocked {network}");
        return 0;
    }

    public static async Task<int> AllowAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = new ArgList(args, ["--note"], ["--remove"]);
        var network = OneNetwork(a);
        await using var db = await cli.OpenDatabaseAsync();
        var blocks = cli.Service<IBlockingService>();
        if (a.Flag("--remove"))
        {
            await blocks.RemoveAllowAsync(network, Actor, a.Value("--note"));
            cli.Out.WriteLine($"attackdash: {network} is no longer on the allowlist");
            return 0;
        }
        var ended = await blocks.AllowAsync(network, Actor, a.Value("--note"));
        cli.Out.WriteLine($"attackdash: {network} is on the allowlist");
        foreach (var e in ended)
            cli.Out.WriteLine($"attackdash: unblocked {e}: it overlaps the new entry");
        return 0;
    }

    public static async Task<int> ExportAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = new ArgList(args, ["--format"], []);
        var format = a.Value("--format") ?? throw new UsageException("--format is required");
        var exporter = BlocklistExporters.Find(format)
            ?? throw new UsageException($"unknown format '{format}' (known: {string.Join(", ", BlocklistExporters.All.Select(e => e.Format))})");
        await using var db = await cli.OpenDatabaseAsync();
        var networks = await cli.Service<IBlockingService>().ActiveNetworksAsync();
        cli.Out.Write(exporter.Render(networks, new ExportOptions()));
        return 0;
    }

    private static Cidr OneNetwork(ArgList a)
    {
        if (a.Positionals.Count != 1)
            throw new UsageException("give exactly one address or network, e.g. 62.233.50.0/24");
        return Cidr.TryParse(a.Positionals[0], out var network, out var error) ? network : throw new UsageException(error);
    }
}
