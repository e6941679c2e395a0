using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AttackDash.Operations.Alerts;

public static class AlertServiceCollectionExtensions
{
    /// <summary>
    /// Live alerts (section "Alerts", validated at start): the worker that raises them from the newest
    /// lines and the webhook that carries them. Needs <c>AddAttackDashStorage</c>.
    /// </summary>
    public static IServiceCollection AddAttackDashAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new WebhookSender(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(10) },
            sp.GetRequiredService<IOptions<AlertOptions>>()));
        services.AddHostedService<AlertWorker>();
        return services;
    }
}
