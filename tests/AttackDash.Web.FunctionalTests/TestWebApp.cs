using AttackDash.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AttackDash.Web.FunctionalTests;

/// <summary>The real web host on a free loopback port, on a test database, without demo data, GeoIP or the review schedule.</summary>
internal static class TestWebApp
{
    public static async Task<WebApplication> StartAsync(string connectionString, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:AttackDash"] = connectionString,
            ["GeoIp:Directory"] = "/nonexistent",
            ["Review:Enabled"] = "false",
            ["Demo:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? [])
            all[key] = value;
        var app = WebAppFactory.Build([], b =>
        {
            b.Configuration.AddInMemoryCollection(all);
            b.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await app.StartAsync();
        return app;
    }

    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
