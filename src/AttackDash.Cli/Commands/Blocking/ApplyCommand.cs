using System.Diagnostics;
using AttackDash.Core.Blocking.Export;
using AttackDash.Storage.Blocking;

namespace AttackDash.Cli.Commands.Blocking;

/// <summary><c>attackdash apply</c>: the active block list into the firewall of the host that runs AttackDash.</summary>
internal static class ApplyCommand
{
    public const string Usage = """
        usage: attackdash apply --format nftables|ipset|iptables [--dry-run]
        Loads the active block list into this host's firewall, each part atomically:
          nftables   nft -f: the table inet attackdash, with its own input hook, replaced in one transaction
          ipset      ipset restore (the sets attackdash4/attackdash6 filled under a temporary name and swapped
                     in), then iptables-restore --noflush of an ATTACKDASH chain matching them
          iptables   iptables-restore --noflush of an ATTACKDASH chain with one rule per network
        ipset and iptables hook the chain into INPUT once (iptables -I INPUT -j ATTACKDASH, skipped when there).
        Run it as root, e.g. from a timer after each review. --dry-run prints each command and its input instead.
        A command that fails stops the rest (exit 1, with its message); what it loaded before stays loaded.
        """;

    public static async Task<int> RunAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = new ArgList(args, ["--format"], ["--dry-run"]);
        var format = a.Value("--format") ?? throw new UsageException("--format nftables|ipset|iptables is required");
        if (!FirewallLoad.Formats.Contains(format))
            throw new UsageException($"apply loads {string.Join(", ", FirewallLoad.Formats)}, not '{format}' (export writes the others)");
        await using var db = await cli.OpenDatabaseAsync();
        var networks = await cli.Service<IBlockingService>().ActiveNetworksAsync();
        var steps = FirewallLoad.Plan(format, networks, new ExportOptions());
        foreach (var step in steps)
        {
            if (a.Flag("--dry-run"))
            {
                cli.Out.WriteLine((step.SkipIf is { } check ? $"# unless '{check}' succeeds:\n" : "") + $"$ {step}" + (step.Input is null ? "" : " <<'EOF'"));
                if (step.Input is not null)
                    cli.Out.Write(step.Input + "EOF\n");
                continue;
            }
            if (step.SkipIf is { } skipIf && (await RunAsync(skipIf)).Exit == 0)
                continue;
            var (exit, stderr) = await RunAsync(step);
            if (exit != 0)
                throw new InvalidOperationException($"{step} exited {exit}: {stderr.Trim().Split('\n')[^1]}");
        }
        if (!a.Flag("--dry-run"))
            cli.Out.WriteLine($"attackdash: applied {networks.Count} networks ({format})");
        return 0;
    }

    private static async Task<(int Exit, string Stderr)> RunAsync(LoadStep step)
    {
        var start = new ProcessStartInfo(step.Command, step.Args)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"cannot run {step.Command}: {e.Message}", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteAsync(step.Input ?? "");
            process.StandardInput.Close();
            await process.WaitForExitAsync();
            await stdout;
            return (process.ExitCode, await stderr);
        }
    }
}
