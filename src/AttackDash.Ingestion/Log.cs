using Microsoft.Extensions.Logging;

namespace AttackDash.Ingestion;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Following {Paths}")]
    public static partial void Following(ILogger logger, string paths);

    [LoggerMessage(2, LogLevel.Information, "No Ingest:Paths configured: no log is followed here (new IPs are still located)")]
    public static partial void NothingToFollow(ILogger logger);

    [LoggerMessage(3, LogLevel.Warning, "{Report}")]
    public static partial void FollowerReport(ILogger logger, string report);

    [LoggerMessage(4, LogLevel.Information, "Located {Count} IPs")]
    public static partial void Located(ILogger logger, long count);

    [LoggerMessage(5, LogLevel.Warning, "Location lookup postponed")]
    public static partial void LocateFailed(ILogger logger, Exception exception);

    [LoggerMessage(6, LogLevel.Error, "Following {Path} failed; restarting it in {Delay} from its checkpoint")]
    public static partial void FollowerFailed(ILogger logger, Exception exception, string path, TimeSpan delay);
}
