using System.Diagnostics;
using System.Runtime.Versioning;

namespace AttackDash.Storage.IntegrationTests;

/// <summary>
/// <c>attackdash apply</c> loads the block list with the real nft, ipset and iptables, into a network
/// namespace of the test's own: the tools on the child's PATH are wrappers that enter it, so the host's
/// firewall is never touched.
/// </summary>
[Collection(PostgresCollection.Name)]
[SupportedOSPlatform("linux")]
public sealed class ApplyTests(PostgresFixture pg)
{
    [Fact]
    public async Task Apply_loads_the_active_list_into_nftables_and_an_unblock_then_an_apply_takes_it_out()
    {
        var cs = await BlocksAsync();
        using var ns = new Namespace();
        Assert.Contains("applied 3 networks", ns.Apply(cs, "nftables"), StringComparison.Ordinal);
        var table = ns.Run("nft", "list table inet attackdash");
        Assert.Contains("62.233.50.0/24", table, StringComparison.Ordinal);
        Assert.Contains("2a03:b0c0:1::/48", table, StringComparison.Ordinal);
        Assert.Contains("ip saddr @blocked4 drop", table, StringComparison.Ordinal);

        Assert.Equal(0, TestCli.Run(cs, "unblock", "62.233.50.0/24").Exit);
        ns.Apply(cs, "nftables");
        Assert.DoesNotContain("62.233.50.0/24", ns.Run("nft", "list table inet attackdash"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_fills_the_ipset_sets_and_hooks_the_chain_into_input_once_however_often_it_runs()
    {
        var cs = await BlocksAsync();
        using var ns = new Namespace();
        ns.Apply(cs, "ipset");
        ns.Apply(cs, "ipset");
        Assert.Contains("62.233.50.0/24", ns.Run("ipset", "list attackdash4"), StringComparison.Ordinal);
        Assert.Contains("2a03:b0c0:1::/48", ns.Run("ipset", "list attackdash6"), StringComparison.Ordinal);
        Assert.Contains("-A ATTACKDASH -m set --match-set attackdash4 src -j DROP", ns.Run("iptables", "-S ATTACKDASH"), StringComparison.Ordinal);
        Assert.Single(ns.Run("iptables", "-S INPUT").Split('\n'), l => l == "-A INPUT -j ATTACKDASH");
        Assert.Single(ns.Run("ip6tables", "-S INPUT").Split('\n'), l => l == "-A INPUT -j ATTACKDASH");
    }

    [Fact]
    public async Task Apply_writes_plain_iptables_rules_and_a_dry_run_prints_the_commands_and_loads_nothing()
    {
        var cs = await BlocksAsync();
        using var ns = new Namespace();
        var dry = ns.Apply(cs, "iptables", "--dry-run");
        Assert.Contains("$ iptables-restore --noflush <<'EOF'", dry, StringComparison.Ordinal);
        Assert.Contains("-A ATTACKDASH -s 62.233.50.0/24 -j DROP", dry, StringComparison.Ordinal);
        Assert.DoesNotContain("ATTACKDASH", ns.Run("iptables", "-S"), StringComparison.Ordinal);

        ns.Apply(cs, "iptables");
        Assert.Contains("-A ATTACKDASH -s 185.220.101.7/32 -j DROP", ns.Run("iptables", "-S ATTACKDASH"), StringComparison.Ordinal);
        Assert.Contains("-A ATTACKDASH -s 2a03:b0c0:1::/48 -j DROP", ns.Run("ip6tables", "-S ATTACKDASH"), StringComparison.Ordinal);
    }

    private async Task<string> BlocksAsync()
    {
        var cs = await pg.NewDatabaseAsync();
        foreach (var network in new[] { "62.233.50.0/24", "185.220.101.7", "2a03:b0c0:1::/48" })
            Assert.Equal(0, TestCli.Run(cs, "block", network, "--reason", "test").Exit);
        return cs;
    }

    /// <summary>A network namespace held open by a sleeping child, and wrappers that run the firewall tools inside it.</summary>
    private sealed class Namespace : IDisposable
    {
        private readonly Process _holder = Process.Start(new ProcessStartInfo("unshare", ["-n", "sleep", "600"]))!;
        private readonly TempDir _bin = new();

        public Namespace()
        {
            foreach (var tool in new[] { "nft", "ipset", "iptables", "ip6tables", "iptables-restore", "ip6tables-restore" })
            {
                var path = _bin.File(tool);
                File.WriteAllText(path, $"#!/bin/sh\nexec nsenter --net=/proc/{_holder.Id}/ns/net /usr/sbin/{tool} \"$@\"\n");
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            // unshare has entered its namespace once sleep runs in it.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (File.ReadAllText($"/proc/{_holder.Id}/comm").Trim() != "sleep" && DateTime.UtcNow < deadline)
                Thread.Sleep(20);
        }

        public string Apply(string cs, params string[] args)
        {
            var start = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "attackdash.dll"), "apply", "--format", .. args])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            start.Environment["PATH"] = _bin.Path + ":" + Environment.GetEnvironmentVariable("PATH");
            start.Environment["ConnectionStrings__AttackDash"] = cs;
            return Finish(start);
        }

        public string Run(string tool, string args) => Finish(new ProcessStartInfo(_bin.File(tool), args.Split(' ')) { RedirectStandardOutput = true, RedirectStandardError = true });

        private static string Finish(ProcessStartInfo start)
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{start.FileName} {string.Join(' ', start.ArgumentList)}: {stderr}");
            return stdout.Result;
        }

        public void Dispose()
        {
            _holder.Kill();
            _holder.Dispose();
            _bin.Dispose();
        }
    }
}
