using AttackDash.Core.Net;

namespace AttackDash.Core.Blocking.Export;

/// <summary>One command of a firewall load: run with <paramref name="Input"/> on stdin, unless <paramref name="SkipIf"/> succeeds first.</summary>
public sealed record LoadStep(string Command, IReadOnlyList<string> Args, string? Input = null, LoadStep? SkipIf = null)
{
    public override string ToString() => string.Join(' ', Args.Prepend(Command));
}

/// <summary>
/// What <c>attackdash apply</c> runs to put the block list into this host's firewall, each load atomic
/// the way its tool allows: nft -f replaces the table in one transaction; ipset fills temporary sets and
/// swaps them in; iptables-restore replaces a chain whole. The iptables chains are then hooked into
/// INPUT once (nftables hooks its own chain). Pure: the same list gives the same steps.
/// </summary>
public static class FirewallLoad
{
    public static readonly IReadOnlyList<string> Formats = ["nftables", "ipset", "iptables"];

    public static IReadOnlyList<LoadStep> Plan(string format, IReadOnlyList<Cidr> networks, ExportOptions options) => format switch
    {
        "nftables" => [new LoadStep("nft", ["-f", "-"], new NftablesExporter().Render(networks, options))],
        "ipset" => [new LoadStep("ipset", ["restore"], new IpsetExporter().Render(networks, options)), .. Chains(networks, options with { UseIpset = true })],
        "iptables" => Chains(networks, options with { UseIpset = false }),
        _ => throw new ArgumentException($"unknown format '{format}' (known: {string.Join(", ", Formats)})", nameof(format)),
    };

    private static List<LoadStep> Chains(IReadOnlyList<Cidr> networks, ExportOptions options) =>
    [
        new LoadStep("iptables-restore", ["--noflush"], new IptablesExporter().Render(networks, options)),
        new LoadStep("ip6tables-restore", ["--noflush"], new Ip6tablesExporter().Render(networks, options)),
        Jump("iptables", options.Chain),
        Jump("ip6tables", options.Chain),
    ];

    private static LoadStep Jump(string tool, string chain) =>
        new(tool, ["-w", "-I", "INPUT", "-j", chain], SkipIf: new LoadStep(tool, ["-w", "-C", "INPUT", "-j", chain]));
}
