using System.Text;
using AttackDash.Core.Net;

namespace AttackDash.Core.Blocking.Export;

/// <summary>
/// An <c>ipset restore</c> file with hash:net sets for IPv4 and IPv6. The new content is built in
/// temporary sets and swapped in, so a firewall that matches the sets never sees them half-filled.
/// </summary>
public sealed class IpsetExporter : IBlocklistExporter
{
    public string Format => "ipset";
    public string ContentType => "text/plain; charset=utf-8";

    public string Render(IReadOnlyList<Cidr> networks, ExportOptions options)
    {
        var sb = new StringBuilder();
        sb.Append($"# AttackDash block list: {networks.Count} networks. Load with: ipset restore < FILE\n");
        Swap(sb, options.Set4, "inet", networks.Where(n => n.IsV4).ToList());
        Swap(sb, options.Set6, "inet6", networks.Where(n => !n.IsV4).ToList());
        return sb.ToString();
    }

    private static void Swap(StringBuilder sb, string set, string family, List<Cidr> networks)
    {
        var temp = set + "-new";
        var maxelem = Math.Max(65536, networks.Count * 2);
        sb.Append($"create {temp} hash:net family {family} maxelem {maxelem} -exist\n");
        sb.Append($"flush {temp}\n");
        foreach (var n in networks)
            sb.Append($"add {temp} {n.ToShortString()}\n");
        sb.Append($"create {set} hash:net family {family} maxelem {maxelem} -exist\n");
        sb.Append($"swap {temp} {set}\n");
        sb.Append($"destroy {temp}\n");
    }
}
