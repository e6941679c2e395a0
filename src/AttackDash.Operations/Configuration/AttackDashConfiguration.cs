using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.KeyPerFile;
using Microsoft.Extensions.FileProviders;

namespace AttackDash.Operations.Configuration;

/// <summary>
/// The sources every AttackDash process reads, in this order, later winning: the shipped defaults
/// (appsettings.json), the operator's file (<see cref="SettingsFile"/>), the environment
/// (Section__Key), then secrets given as files: /run/secrets (Docker) and $CREDENTIALS_DIRECTORY
/// (systemd's LoadCredential=), one file per key, e.g. <c>ConnectionStrings__AttackDash</c>.
/// </summary>
public static class AttackDashConfiguration
{
    public const string SecretsDirectory = "/run/secrets";

    /// <summary>Adds the operator's file after the last JSON source and the secret folders at the end.</summary>
    public static void AddAttackDashSources(this IConfigurationBuilder configuration)
    {
        var file = new JsonConfigurationSource { Path = SettingsFile.Path, Optional = true };
        file.ResolveFileProvider();
        var sources = configuration.Sources;
        var lastJson = sources.ToList().FindLastIndex(s => s is JsonConfigurationSource);
        sources.Insert(lastJson + 1, file);
        foreach (var dir in SecretDirectories(Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY")))
            configuration.Add(new KeyPerFileConfigurationSource { FileProvider = new PhysicalFileProvider(dir), Optional = true });
    }

    internal static IEnumerable<string> SecretDirectories(string? credentials)
    {
        if (Directory.Exists(SecretsDirectory))
            yield return SecretsDirectory;
        if (credentials is { Length: > 0 } c && Directory.Exists(c))
            yield return c;
    }
}
