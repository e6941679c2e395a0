using System.Globalization;
using System.Text;
using AttackDash.Core.Net;

namespace AttackDash.Core.Blocking.Export;

/// <summary>
/// Source of sendmail's access database (<c>makemap hash /etc/mail/access &lt; FILE</c>). sendmail matches
/// <c>Connect:</c> keys by whole octets (IPv4) or 16-bit groups (IPv6), so a network on such a boundary
/// is one line (<c>Connect:62.233.50 REJECT</c>); any other IPv4 prefix is expanded to the networks of
/// the next octet boundary (at most 128 lines). An IPv6 prefix off a group boundary cannot be written
/// and is listed as a comment with a warning.
/// </summary>
public sealed class SendmailAccessExporter : IBlocklistExporter
{
    public string Format => "sendmail-access";
    public string ContentType => "text/plain; charset=utf-8";

    public string Render(IReadOnlyList<Cidr> networks, ExportOptions options)
    {
        var sb = new StringBuilder();
        sb.Append($"# AttackDash block list: {networks.Count} networks. Build with: makemap hash /etc/mail/access < FILE\n");
        foreach (var n in networks)
        {
            if (n.IsV4)
            {
                foreach (var key in V4Keys(n))
                    sb.Append("Connect:").Append(key).Append("\tREJECT\n");
            }
            else if (n.PrefixLength % 16 == 0 && n.PrefixLength > 0)
                sb.Append("Connect:IPv6:").Append(V6Groups(n)).Append("\tREJECT\n");
            else
                sb.Append($"# WARNING: {n} is not on a 16-bit boundary; sendmail cannot match it, so it is not blocked here\n");
        }
        return sb.ToString();
    }

    private static IEnumerable<string> V4Keys(Cidr n)
    {
        var aligned = (n.PrefixLength + 7) / 8 * 8;
        var octets = Math.Max(aligned / 8, 1);
        var step = (uint)1 << (32 - Math.Max(aligned, 8));
        var first = (uint)n.Network.Value;
        var count = n.PrefixLength == 0 ? 256u : (uint)1 << (Math.Max(aligned, 8) - n.PrefixLength);
        for (uint i = 0; i < count; i++)
        {
            var ip = first + (i * step);
            yield return string.Join('.', Enumerable.Range(0, octets).Select(k => ((ip >> (24 - (8 * k))) & 0xff).ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static string V6Groups(Cidr n)
    {
        var groups = n.PrefixLength / 16;
        return string.Join(':', Enumerable.Range(0, groups).Select(k =>
            ((ushort)(n.Network.Value >> (112 - (16 * k)))).ToString("x", CultureInfo.InvariantCulture)));
    }
}
