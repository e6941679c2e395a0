using AttackDash.Storage.Alerts;
using AttackDash.Storage.Accounts;
using AttackDash.Storage.Blocking;
using AttackDash.Storage.Ingest;
using AttackDash.Storage.Queries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace AttackDash.Storage.Hosting;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The database of a host: <c>ConnectionStrings:AttackDash</c>, or the embedded cluster, migrated on
    /// start. Register it before any service that needs the database: hosted services start in order.
    /// Registers the one <see cref="NpgsqlDataSource"/> and the query and command services, scoped (one
    /// per request or circuit). No <c>IDbContextFactory</c>: each service makes a short-lived context per
    /// call on that data source (<see cref="AttackDashDbContext.Create"/>, options built once), which is what
    /// a factory would do, and the services alone touch EF.
    /// </summary>
    public static IServiceCollection AddAttackDashStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AttackDashDatabase>();
        services.AddHostedService<DatabaseStartup>();
        // Known once DatabaseStartup has run, before the server listens; hosted services await DataSourceAsync instead.
        services.AddSingleton(sp => sp.GetRequiredService<AttackDashDatabase>().DataSource);
        AddServices(services);
        return services;
    }

    private static void AddServices(IServiceCollection services)
    {
        services.AddScoped<IDashboardQueries, DashboardQueries>();
        services.AddScoped<IOverviewQueries, OverviewQueries>();
        services.AddScoped<ITimelineQueries, TimelineQueries>();
        services.AddScoped<ICampaignQueries, CampaignQueries>();
        services.AddScoped<IGeoQueries, GeoQueries>();
        services.AddScoped<IIpQueries, IpQueries>();
        services.AddScoped<IBacktestQueries, BacktestQueries>();
        services.AddScoped<EventReader>();
        services.AddScoped<IBlockingService, BlockingService>();
        services.AddScoped<LiveCandidates>();
        services.AddScoped<IPolicyService, PolicyService>();
        services.AddScoped<IAlertService>(sp => new AlertService(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<ITokenService, TokenService>();
        services.AddScoped<IUserService, UserService>();
        services.AddScoped<ISignInService, SignInService>();
        services.AddScoped<SessionStore>();
        services.AddScoped<StoreContents>();
        services.AddScoped<IOperationsQueries, OperationsQueries>();
        services.AddScoped<IpLocations>();
        // Holds one connection for its batches; the scope that made it disposes it.
        services.AddTransient<EventStore>();
        services.AddScoped<IDigestQueries, DigestQueries>();
    }
}
