using Microsoft.Extensions.Logging;

namespace AttackDash.Operations;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Opened the review of the week of {Week} with {Offenders} offenders")]
    public static partial void ReviewOpened(ILogger logger, DateOnly week, int offenders);

    [LoggerMessage(2, LogLevel.Warning, "The weekly digest could not be sent")]
    public static partial void DigestFailed(ILogger logger, Exception exception);

    [LoggerMessage(3, LogLevel.Error, "The weekly review could not be opened; trying again in {Delay}")]
    public static partial void ReviewFailed(ILogger logger, Exception exception, TimeSpan delay);
}
