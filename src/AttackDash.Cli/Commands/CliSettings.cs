using System.ComponentModel.DataAnnotations;
using AttackDash.Storage.Hosting;
using Microsoft.Extensions.Configuration;

namespace AttackDash.Cli.Commands;

/// <summary>
/// The settings the CLI shares with the web host (Review, Digest): the same sections of the same
/// sources (<see cref="SettingsFile"/>, then the environment), bound to the same option classes and
/// validated by the same rules, so that `review open` and the weekly worker cannot drift apart.
/// </summary>
internal static class CliSettings
{
    // Read at each use, not cached: a command reads it once or twice, and the tests run commands in-process.
    public static IConfiguration Configuration => new ConfigurationBuilder()
        .AddJsonFile(SettingsFile.Path, optional: true)
        .AddEnvironmentVariables()
        .Build();

    /// <exception cref="UsageException">A value breaks the option class's rules; the message names the key.</exception>
    public static T Section<T>(string section) where T : class, new()
    {
        var options = Configuration.GetSection(section).Get<T>() ?? new T();
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true))
            throw new UsageException($"{section}: {string.Join("; ", errors.Select(e => e.ErrorMessage))} (from {SettingsFile.Path} or {section}__KEY variables)");
        return options;
    }

    /// <summary>A list given as one comma-separated value (Digest__To=a@x,b@y) instead of Digest__To__0, …</summary>
    public static List<string>? CommaList(string key) =>
        Configuration[key] is { Length: > 0 } v ? [.. v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] : null;
}
