using System.Text.Json;

namespace AttackDash.Core.Tests;

/// <summary>Loopback and the operator's own networks are local clients: shown apart, never ranked as offenders.</summary>
public sealed class LocalClientsTests
{
    private static readonly string[] Lines =
    [
        "Mar  3 10:00:00 mx sm-mta[1]: 5233A0aa000001: ruleset=check_rcpt, arg1=<x@example.org>, relay=localhost [127.0.0.1], reject=550 5.7.1 <x@example.org>... Relaying denied",
        "Mar  3 10:00:01 mx sm-mta[2]: 5233A0aa000002: ruleset=check_rcpt, arg1=<x@example.org>, relay=[198.51.100.9], reject=550 5.7.1 <x@example.org>... Relaying denied",
        "Mar  3 10:00:02 mx sm-mta[3]: 5233A0aa000003: ruleset=check_rcpt, arg1=<x@example.org>, relay=[192.0.2.77], reject=550 5.7.1 <x@example.org>... Relaying denied",
        "Mar  3 10:00:03 mx sm-mta[4]: AUTH failure (LOGIN): authentication failure (-13) SASL(-13): authentication failure: checkpass failed, user=admin, relay=[::1]",
    ];

    private static (List<string> Offenders, List<string> Local) Analyze(params string[] extra)
    {
        using var dir = new TempDir();
        var path = dir.File("maillog");
        File.WriteAllLines(path, Lines);
        var (exit, stdout, stderr) = CliRunner.Run(["analyze", "--json", "--all", "--year", "2025", "--tz", "UTC", .. extra, path]);
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        List<string> Ips(string section) => json.RootElement.GetProperty(section).EnumerateArray().Select(o => o.GetProperty("ip").GetString()!).Order(StringComparer.Ordinal).ToList();
        return (Ips("offenders"), Ips("local"));
    }

    [Fact]
    public void Loopback_clients_are_local_and_documentation_addresses_stay_attackers()
    {
        var (offenders, local) = Analyze();
        Assert.Equal(["192.0.2.77", "198.51.100.9"], offenders);
        Assert.Equal(["127.0.0.1", "::1"], local);
    }

    [Fact]
    public void The_operators_own_networks_are_local_when_named()
    {
        var (offenders, local) = Analyze("--local", "198.51.100.0/24");
        Assert.Equal(["192.0.2.77"], offenders);
        Assert.Equal(["127.0.0.1", "198.51.100.9", "::1"], local);
    }

    [Fact]
    public void A_wrong_local_network_is_a_usage_error()
    {
        var (exit, _, stderr) = CliRunner.Run("analyze", "--local", "300.1.2.3/8", "-");
        Assert.Equal(2, exit);
        Assert.Contains("--local", stderr, StringComparison.Ordinal);
    }
}
