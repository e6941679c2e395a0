using System.Text;
using AttackDash.Core.Net;

namespace AttackDash.Core.Blocking.Export;

/// <summary>
/// An nftables script: one inet table with interval sets for IPv4 and IPv6 and a drop rule for each.
/// Loading it with <c>nft -f</c> replaces the table atomically (the whole file is one transaction).
/// </summary>
public sealed class NftablesExporter : IBlocklistExporter
{
    public string Format => "nftables";
    public string ContentType => "text/plain; charset=utf-8";

    public string Render(IReadOnlyList<Cidr> networks, ExportOptions options)
    {
        var sb = new StringBuilder();
        sb.Append("#!/usr/sbin/nft -f\n");
        sb.Append($"# AttackDash block list: {networks.Count} networks. Load with: nft -f FILE\n");
        // Declaring, deleting and redefining the table in one file swaps it in a single transaction.
        sb.Append($"table inet {options.Table}\n");
        sb.Append($"delete table inet {options.Table}\n");
        sb.Append($"table inet {options.Table} {{\n");
        Set(sb, "blocked4", "ipv4_addr", networks.Where(n => n.IsV4));
        Set(sb, "blocked6", "ipv6_addr", networks.Where(n => !n.IsV4));
        sb.Append("\tchain input {\n");
        sb.Append("\t\ttype filter hook input priority filter - 10; policy accept;\n");
        sb.Append("\t\tip saddr @blocked4 drop\n");
        sb.Append("\t\tip6 saddr @blocked6 drop\n");
        sb.Append("\t}\n}\n");
        return sb.ToString();
    }

    private static void Set(StringBuilder sb, string name, string type, IEnumerable<Cidr> networks)
    {
        sb.Append($"\tset {name} {{\n\t\ttype {type}\n\t\tflags interval\n");
        var list = networks.ToList();
        if (list.Count > 0)
            sb.Append("\t\telements = { ").AppendJoin(",\n\t\t\t", list.Select(n => n.ToShortString())).Append(" }\n");
        sb.Append("\t}\n");
    }
}
