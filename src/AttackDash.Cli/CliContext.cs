using AttackDash.Cli.Commands;
using AttackDash.Operations.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AttackDash.Cli;

/// <summary>
/// What a command runs with: its two streams, and the services and settings of the CLI's host
/// (<see cref="CliHost"/>), which reads the same sources into the same option classes as the web host.
/// </summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr, IServiceProvider services)
{
    public TextWriter Out => stdout;

    public TextWriter Error => stderr;

    public IConfiguration Configuration => services.GetRequiredService<IConfiguration>();

    /// <summary>
    /// A service of the host; the store's services answer once <see cref="OpenDatabaseAsync"/> has run.
    /// A command is one unit of work, so its scoped services live as long as the process.
    /// </summary>
    /// <exception cref="UsageException">Its options break their rules; the message names the key.</exception>
    public T Service<T>() where T : notnull => Validated(services.GetRequiredService<T>);

    /// <summary>The options of one section, validated as the web host validates them at start.</summary>
    /// <exception cref="UsageException">A value breaks the option class's rules; the message names the key.</exception>
    public T Options<T>() where T : class => Validated(() => services.GetRequiredService<IOptions<T>>().Value);

    private static T Validated<T>(Func<T> value)
    {
        try
        {
            return value();
        }
        catch (OptionsValidationException e)
        {
            // Every options class names its section in a Section constant.
            var section = e.OptionsType.GetField("Section")?.GetValue(null) ?? e.OptionsType.Name;
            throw new UsageException($"{section}: {string.Join("; ", e.Failures)} (from {SettingsFile.Path}, {section}__Key variables or secret files)");
        }
    }

    /// <summary>Opens (and migrates) the store and makes it the host's: the store's services then answer on it.</summary>
    public Task<DatabaseSession> OpenDatabaseAsync(bool migrate = true) => DatabaseSession.OpenAsync(this, services, migrate);
}
