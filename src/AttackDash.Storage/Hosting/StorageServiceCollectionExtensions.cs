using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AttackDash.Storage.Hosting;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The database of a host: <c>ConnectionStrings:AttackDash</c>, or the embedded cluster, migrated on
    /// start. Register it before any service that needs the database: hosted services start in order.
    /// </summary>
    public static IServiceCollection AddAttackDashStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        services.AddSingleton<AttackDashDatabase>();
        services.AddHostedService<DatabaseStartup>();
        return services;
    }

    /// <summary>The weekly offender review (section "Review") and its digest mail (section "Digest").</summary>
    public static IServiceCollection AddAttackDashReview(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReviewScheduleOptions>().Bind(configuration.GetSection(ReviewScheduleOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Digest.DigestOptions>().Bind(configuration.GetSection(Digest.DigestOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<ReviewWorker>();
        return services;
    }
}
