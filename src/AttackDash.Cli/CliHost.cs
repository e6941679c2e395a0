using AttackDash.Ingestion.Hosting;
using AttackDash.Operations;
using AttackDash.Operations.Configuration;
using AttackDash.Storage.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AttackDash.Cli;

/// <summary>
/// The CLI's Generic Host: the web host's configuration sources (<see cref="AttackDashConfiguration"/>),
/// option classes and services. It is built, not run: a command opens the store itself, when it needs
/// one (analyze and generate never touch a database), and no hosted service starts.
/// </summary>
internal static class CliHost
{
    /// <param name="settings">Values over every other source: what the tests give a command, instead of process-wide variables.</param>
    public static IHost Build(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddAttackDashSources();
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAttackDashStorage(builder.Configuration);
        builder.Services.AddAttackDashReview(builder.Configuration);
        builder.Services.AddBlockingPolicies(builder.Configuration);
        builder.Services.AddSingleton(IngestionServiceCollectionExtensions.GeoIpOptionsOf(builder.Configuration));
        return builder.Build();
    }
}
