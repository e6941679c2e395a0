using System.Diagnostics;
using AttackDash.Core.Blocking;
using AttackDash.Core.Blocking.Export;
using AttackDash.Core.Net;

namespace AttackDash.Core.Tests;

/// <summary>Every exporter's text, and the real tools accepting it (installed by .ci/run; iptables and ipset in a network namespace of their own).</summary>
public sealed class ExporterTests
{
    private static readonly IReadOnlyList<Cidr> Sample = CidrAggregator.Merge(
        new[] { "62.233.50.0/24", "198.51.100.7", "203.0.112.0/22", "192.0.2.0/25", "192.0.2.128/25", "2001:db8:1::/48", "2001:db8:2:8000::/49" }.Select(Cidr.Parse));

    private static readonly ExportOptions Options = new();

    [Fact]
    public void The_nftables_script_passes_nft_check()
    {
        var text = new NftablesExporter().Render(Sample, Options);
        Assert.Contains("192.0.2.0/24", text, StringComparison.Ordinal);
        Assert.Contains("delete table inet attackdash", text, StringComparison.Ordinal);
        Tool.Check("nft", ["-c", "-f", "-"], text);
        Tool.Check("nft", ["-c", "-f", "-"], new NftablesExporter().Render([], Options));
    }

    [Fact]
    public void The_ipset_file_and_the_iptables_rules_load_in_a_network_namespace()
    {
        var sets = new IpsetExporter().Render(Sample, Options);
        var rules = new IptablesExporter().Render(Sample, Options);
        var rules6 = new Ip6tablesExporter().Render(Sample, Options);
        Assert.Contains("add attackdash4-new 203.0.112.0/22", sets, StringComparison.Ordinal);
        Assert.Contains("-m set --match-set attackdash4 src -j DROP", rules, StringComparison.Ordinal);
        using var dir = new TempDir();
        File.WriteAllText(dir.File("sets"), sets);
        File.WriteAllText(dir.File("rules"), rules);
        File.WriteAllText(dir.File("rules6"), rules6);
        var script = $"ipset restore < {dir.File("sets")} && ipset restore < {dir.File("sets")} && iptables-restore --test --noflush < {dir.File("rules")} " +
            $"&& ip6tables-restore --test --noflush < {dir.File("rules6")} && ipset list attackdash4 | grep 'Number of entries'";
        var output = Tool.Check("unshare", ["-n", "sh", "-c", script], "");
        Assert.Equal("Number of entries: 4", output.Trim());
    }

    [Fact]
    public void Plain_iptables_rules_are_the_fallback_without_ipset()
    {
        var rules = new IptablesExporter().Render(Sample, Options with { UseIpset = false });
        Assert.Contains("-A ATTACKDASH -s 62.233.50.0/24 -j DROP", rules, StringComparison.Ordinal);
        Assert.DoesNotContain("2001:db8", rules, StringComparison.Ordinal);
        Tool.Check("unshare", ["-n", "iptables-restore", "--test", "--noflush"], rules);
    }

    [Fact]
    public void The_sendmail_access_file_uses_octet_keys_and_builds_with_makemap()
    {
        var text = new SendmailAccessExporter().Render(Sample, Options);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToList();
        Assert.Contains("Connect:62.233.50\tREJECT", lines);
        Assert.Contains("Connect:198.51.100.7\tREJECT", lines);
        Assert.Contains("Connect:192.0.2\tREJECT", lines);
        Assert.Equal(["Connect:203.0.112", "Connect:203.0.113", "Connect:203.0.114", "Connect:203.0.115"],
            lines.Where(l => l.StartsWith("Connect:203.0.11", StringComparison.Ordinal)).Select(l => l.Split('\t')[0]));
        Assert.Contains("Connect:IPv6:2001:db8:1\tREJECT", lines);
        Assert.Contains("# WARNING: 2001:db8:2:8000::/49 is not on a 16-bit boundary", text, StringComparison.Ordinal);
        using var dir = new TempDir();
        var map = dir.File("access");
        Tool.Check("makemap", ["hash", map], text);
        var keys = Tool.Check("makemap", ["-u", "hash", map], "");
        Assert.Contains("connect:62.233.50\tREJECT", keys, StringComparison.Ordinal);
    }

    [Fact]
    public void Cidr_csv_and_json_list_the_merged_networks()
    {
        Assert.Equal("192.0.2.0/24\n", new CidrListExporter().Render([Cidr.Parse("192.0.2.0/24")], Options));
        Assert.Equal("network,version,first,last\n192.0.2.0/24,4,192.0.2.0,192.0.2.255\n", new CsvExporter().Render([Cidr.Parse("192.0.2.0/24")], Options));
        var json = System.Text.Json.Nodes.JsonNode.Parse(new JsonExporter().Render(Sample, Options))!;
        Assert.Equal(Sample.Count, (int)json["count"]!);
        Assert.Equal("attackdash.blocklist/1", (string?)json["schema"]);
        Assert.Equal(8, BlocklistExporters.All.Select(e => e.Format).Distinct().Count());
    }

    private static class Tool
    {
        /// <summary>Runs a real tool with <paramref name="stdin"/>; fails the test with its output if it exits non-zero.</summary>
        public static string Check(string file, string[] args, string stdin)
        {
            var start = new ProcessStartInfo(file, args) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(start) ?? throw new InvalidOperationException($"{file} is not installed (.ci/run installs it)");
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {p.ExitCode}: {stderr}\n{stdin}");
            return stdout.Result;
        }
    }
}
