using AttackDash.Cli;

namespace AttackDash.Tests.Shared;

/// <summary>Runs the real <c>attackdash</c> command in-process and captures its output.</summary>
internal static class CliRunner
{
    /// <summary>The machine's own GeoIP data must not leak into the tests' numbers.</summary>
    public static readonly IReadOnlyDictionary<string, string?> NoGeoIp = new Dictionary<string, string?> { ["GeoIp:Directory"] = "/nonexistent" };

    public static (int Exit, string Stdout, string Stderr) Run(params string[] args) => Run(NoGeoIp, args);

    /// <param name="settings">Configuration over the environment and the settings files, as a test's own.</param>
    public static (int Exit, string Stdout, string Stderr) Run(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.RunAsync(args, stdout, stderr, settings).GetAwaiter().GetResult();
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
