using Microsoft.Extensions.Logging;

namespace AttackDash.Storage;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Embedded PostgreSQL in {Root} listening on 127.0.0.1:{Port}")]
    public static partial void EmbeddedStarted(ILogger logger, string root, int port);

    [LoggerMessage(2, LogLevel.Information, "Applied migration {Migration}")]
    public static partial void MigrationApplied(ILogger logger, string migration);

    [LoggerMessage(3, LogLevel.Information, "Opened the review of the week of {Week} with {Offenders} offenders")]
    public static partial void ReviewOpened(ILogger logger, DateOnly week, int offenders);

    [LoggerMessage(4, LogLevel.Warning, "The weekly digest could not be sent")]
    public static partial void DigestFailed(ILogger logger, Exception exception);

    [LoggerMessage(5, LogLevel.Error, "The weekly review could not be opened; trying again in {Delay}")]
    public static partial void ReviewFailed(ILogger logger, Exception exception, TimeSpan delay);
}
