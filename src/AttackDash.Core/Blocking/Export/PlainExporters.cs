using System.Text;
using System.Text.Json;
using AttackDash.Core.Net;

namespace AttackDash.Core.Blocking.Export;

/// <summary>One network per line, for anything that reads a CIDR list.</summary>
public sealed class CidrListExporter : IBlocklistExporter
{
    public string Format => "cidr";
    public string ContentType => "text/plain; charset=utf-8";

    public string Render(IReadOnlyList<Cidr> networks, ExportOptions options) =>
        string.Concat(networks.Select(n => n + "\n"));
}

public sealed class CsvExporter : IBlocklistExporter
{
    public string Format => "csv";
    public string ContentType => "text/csv; charset=utf-8";

    public string Render(IReadOnlyList<Cidr> networks, ExportOptions options)
    {
        var sb = new StringBuilder("network,version,first,last\n");
        foreach (var n in networks)
            sb.Append($"{n},{(n.IsV4 ? 4 : 6)},{n.Network},{n.Last}\n");
        return sb.ToString();
    }
}

public sealed class JsonExporter : IBlocklistExporter
{
    public string Format => "json";
    public string ContentType => "application/json";

    public string Render(IReadOnlyList<Cidr> networks, ExportOptions options) =>
        JsonSerializer.Serialize(new { schema = "attackdash.blocklist/1", count = networks.Count, networks = networks.Select(n => n.ToString()) }) + "\n";
}

/// <summary>Every exporter kind, by format name.</summary>
public static class BlocklistExporters
{
    public static IReadOnlyList<IBlocklistExporter> All { get; } =
    [
        new NftablesExporter(), new IpsetExporter(), new IptablesExporter(), new Ip6tablesExporter(),
        new SendmailAccessExporter(), new CidrListExporter(), new CsvExporter(), new JsonExporter(),
    ];

    public static IBlocklistExporter? Find(string format) => All.FirstOrDefault(e => e.Format == format);
}
