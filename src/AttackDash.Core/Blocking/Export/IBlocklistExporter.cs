using AttackDash.Core.Net;

namespace AttackDash.Core.Blocking.Export;

/// <summary>Renders a block list as one firewall's input.</summary>
/// <remarks>
/// Pure: the same networks and options give the same text. The networks are already merged into their
/// smallest cover (<see cref="Blocking.CidrAggregator"/>) and sorted; an empty list renders a valid
/// file that blocks nothing.
/// </remarks>
public interface IBlocklistExporter
{
    /// <summary>The name used by the CLI and the pull API, e.g. "nftables".</summary>
    string Format { get; }

    string ContentType { get; }

    string Render(IReadOnlyList<Cidr> networks, ExportOptions options);
}

/// <summary>Names of the firewall objects: instances are configuration, the kinds are the exporters.</summary>
public sealed record ExportOptions
{
    public string Table { get; init; } = "attackdash";
    public string Set4 { get; init; } = "attackdash4";
    public string Set6 { get; init; } = "attackdash6";
    public string Chain { get; init; } = "ATTACKDASH";

    /// <summary>iptables: match the ipset sets (true) or write one rule per network (false, the fallback).</summary>
    public bool UseIpset { get; init; } = true;
}
