using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AttackDash.Operations.Alerts;

public static class AlertServiceCollectionExtensions
{
    /// <summary>
    /// Live alerts (section "Alerts", validated at start): the worker that raises them from the newest
    /// lines and the webhook and the mail that carry them. Needs <c>AddAttackDashStorage</c>, and
    /// <c>AddAttackDashReview</c> for the mail's transport (section "Digest").
    /// </summary>
    public static IServiceCollection AddAttackDashAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new WebhookSender(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(10) },
            sp.GetRequiredService<IOptions<AlertOptions>>()));
        services.AddSingleton<AlertMailer>();
        services.AddHostedService<AlertWorker>();
        return services;
    }
}
