using AttackDash.Ingestion.Hosting;
using AttackDash.Storage.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AttackDash.Tests.Shared;

/// <summary>A generic host with the store and the follow worker, on exactly the settings given, plus what <c>more</c> adds (alerts, live policies).</summary>
internal static class TestHosts
{
    public static IHost Build(Dictionary<string, string?> settings, Action<IServiceCollection, IConfiguration>? more = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddAttackDashStorage(builder.Configuration);
        builder.Services.AddAttackDashIngestion(builder.Configuration);
        more?.Invoke(builder.Services, builder.Configuration);
        return builder.Build();
    }
}
