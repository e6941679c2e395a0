namespace AttackDash.GeoIp;

public sealed class GeoIpOptions
{
    /// <summary>
    /// Folders searched for .mmdb files: MaxMind GeoIP2/GeoLite2 City, Country and ASN databases, or the
    /// DB-IP Lite demo files (scripts/fetch-demo-geoip.sh). geoipupdate writes to /var/lib/GeoIP.
    /// </summary>
    public IReadOnlyList<string> Directories { get; set; } = ["/var/lib/GeoIP", "/usr/share/GeoIP", "data/geoip"];

    /// <summary>How often the files are checked for a newer version (geoipupdate replaces them in place).</summary>
    public TimeSpan ReloadCheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
