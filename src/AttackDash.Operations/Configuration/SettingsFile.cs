namespace AttackDash.Operations.Configuration;

/// <summary>
/// The operator's settings file, read by the web host and the CLI alike, before the environment
/// (Section__Key variables win): $ATTACKDASH_SETTINGS, else /etc/attackdash/appsettings.json. Missing is fine.
/// </summary>
public static class SettingsFile
{
    public const string Variable = "ATTACKDASH_SETTINGS";

    public static string Path => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } p ? p : "/etc/attackdash/appsettings.json";
}
