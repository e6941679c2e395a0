using System.Globalization;
using System.Net;
using AttackDash.GeoIp;


namespace AttackDash.Cli.Commands;

/// <summary><c>attackdash geoip IP...</c>: what the configured databases say of some addresses.</summary>
internal static class GeoIpCommand
{
    public const string Usage = """
        usage: attackdash geoip IP...
        Looks IPs up in the .mmdb files of GeoIp__Directory (default /var/lib/GeoIP, /usr/share/GeoIP,
        data/geoip). scripts/fetch-demo-geoip.sh installs the free DB-IP Lite data into data/geoip.
        """;

    public static int Run(IEnumerable<string> args, CliContext cli)
    {
        var a = new ArgList(args, [], []);
        if (a.Positionals.Count == 0)
            throw new UsageException("give one or more IP addresses");
        var ips = a.Positionals.Select(p => IPAddress.TryParse(p, out var ip) ? ip : throw new UsageException($"'{p}' is not an IP address")).ToList();
        using var geo = new MaxMindGeoLocator(cli.Service<GeoIpOptions>());
        if (geo.Files.Count == 0)
            cli.Error.WriteLine("attackdash: no .mmdb database found: every location is unknown");
        foreach (var ip in ips)
        {
            var g = geo.Locate(ip);
            cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{ip}\t{g.CountryCode ?? "-"}\t{g.City ?? "-"}\t{g.Latitude?.ToString("0.####", CultureInfo.InvariantCulture) ?? "-"},{g.Longitude?.ToString("0.####", CultureInfo.InvariantCulture) ?? "-"}\tAS{g.Asn?.ToString(CultureInfo.InvariantCulture) ?? "-"} {g.AsOrganization}"));
        }
        foreach (var credit in geo.Credits)
            cli.Out.WriteLine($"{credit.Text} ({credit.Url})");
        return 0;
    }
}
