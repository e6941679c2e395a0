namespace AttackDash.Web.Live;

public static class LiveServiceCollectionExtensions
{
    /// <summary>Live refresh of the pages (section "Dashboard"), the viewer's time zone per circuit, and what /healthz/ready watches (section "Health").</summary>
    public static IServiceCollection AddDashboardLive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StoreChanges>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreChanges>());
        services.AddScoped<ViewerClock>();
        return services;
    }
}
