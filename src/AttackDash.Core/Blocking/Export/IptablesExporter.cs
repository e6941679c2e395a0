using System.Text;
using AttackDash.Core.Net;

namespace AttackDash.Core.Blocking.Export;

/// <summary>
/// An <c>iptables-restore --noflush</c> file (IPv4; <see cref="Ip6tablesExporter"/> for IPv6) that fills
/// its own chain: one rule matching the ipset set, or, as the fallback without ipset, one rule per
/// network. Jump to the chain once: <c>iptables -I INPUT -j ATTACKDASH</c>.
/// </summary>
public class IptablesExporter : IBlocklistExporter
{
    public virtual string Format => "iptables";
    public string ContentType => "text/plain; charset=utf-8";
    protected virtual bool V4 => true;

    public string Render(IReadOnlyList<Cidr> networks, ExportOptions options)
    {
        var mine = networks.Where(n => n.IsV4 == V4).ToList();
        var sb = new StringBuilder();
        sb.Append($"# AttackDash block list: {mine.Count} networks. Load with: {(V4 ? "iptables" : "ip6tables")}-restore --noflush < FILE\n");
        sb.Append("*filter\n");
        // A chain named in the file is flushed when it is restored, even with --noflush: the list is replaced whole.
        sb.Append($":{options.Chain} - [0:0]\n");
        if (options.UseIpset)
            sb.Append($"-A {options.Chain} -m set --match-set {(V4 ? options.Set4 : options.Set6)} src -j DROP\n");
        else
        {
            foreach (var n in mine)
                sb.Append($"-A {options.Chain} -s {n} -j DROP\n");
        }
        sb.Append("COMMIT\n");
        return sb.ToString();
    }
}

public sealed class Ip6tablesExporter : IptablesExporter
{
    public override string Format => "ip6tables";
    protected override bool V4 => false;
}
