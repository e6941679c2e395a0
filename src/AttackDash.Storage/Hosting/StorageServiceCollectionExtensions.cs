using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
}
