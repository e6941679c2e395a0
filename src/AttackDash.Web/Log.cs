namespace AttackDash.Web;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Created the first admin account; its password was printed to the console once")]
    public static partial void FirstAdminCreated(ILogger logger);
}
