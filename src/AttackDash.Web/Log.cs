namespace AttackDash.Web;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Created the first admin account; its password was printed to the console once")]
    public static partial void FirstAdminCreated(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "The store is empty: loading {Log} so that the dashboard has something to show")]
    public static partial void LoadingDemo(ILogger logger, string log);

    [LoggerMessage(3, LogLevel.Information, "Loaded {Lines} lines, {Events} events")]
    public static partial void DemoLoaded(ILogger logger, long lines, long events);

    [LoggerMessage(4, LogLevel.Warning, "Checking the store for changes failed (pages refresh when it is back): {Message}")]
    public static partial void LiveCheckFailed(ILogger logger, string message);

    [LoggerMessage(5, LogLevel.Error, "A page failed; it shows an error and the dashboard goes on")]
    public static partial void PageFailed(ILogger logger, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "Reading the store's figures for /metrics failed (the last ones are kept): {Message}")]
    public static partial void MetricsRefreshFailed(ILogger logger, string message);
}
