using AttackDash.GeoIp;
using AttackDash.Ingestion.Journal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AttackDash.Ingestion.Hosting;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>Follows the logs of <c>Ingest:Paths</c> into the store, and locates new IPs (<c>GeoIp:Directory</c>).</summary>
    public static IServiceCollection AddAttackDashIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestWorkerOptions>().Bind(configuration.GetSection(IngestWorkerOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.TimeZone is null || Core.Syslog.TimeZones.TryParse(o.TimeZone, out _, out _), "Ingest:TimeZone is not an IANA zone or UTC offset")
            .Validate(o => o.Paths.All(JournalPath.IsValid), "Ingest:Paths has a journal: entry whose matches are not journalctl's (FIELD=VALUE, '+' between two groups)")
            .ValidateOnStart();
        services.AddSingleton<IGeoLocator>(_ => new MaxMindGeoLocator(GeoIpOptionsOf(configuration)));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FollowStatus>();
        services.AddHostedService<IngestWorker>();
        return services;
    }

    /// <summary><c>GeoIp:Directory</c> replaces the default folders (/var/lib/GeoIP, /usr/share/GeoIP, data/geoip).</summary>
    public static GeoIpOptions GeoIpOptionsOf(IConfiguration configuration) =>
        configuration["GeoIp:Directory"] is { Length: > 0 } dir ? new GeoIpOptions { Directories = [dir] } : new GeoIpOptions();
}
