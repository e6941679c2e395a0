using AttackDash.GeoIp;

namespace AttackDash.Cli.Commands;

internal static class GeoIpSettings
{
    /// <summary><c>GeoIp__Directory</c> replaces the default folders (/var/lib/GeoIP, /usr/share/GeoIP, data/geoip).</summary>
    public static GeoIpOptions FromEnvironment() =>
        Environment.GetEnvironmentVariable("GeoIp__Directory") is { Length: > 0 } dir
            ? new GeoIpOptions { Directories = [dir] }
            : new GeoIpOptions();
}
