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

    // No username or line here: they are attacker-written, and the log is read as lines.
    [LoggerMessage(4, LogLevel.Warning, "Alert: {Kind} from {Ip}")]
    public static partial void AlertRaised(ILogger logger, string kind, string ip);

    [LoggerMessage(5, LogLevel.Warning, "The webhook refused alert {Id}: {Problem}; it is tried again")]
    public static partial void WebhookFailed(ILogger logger, long id, string? problem);

    [LoggerMessage(6, LogLevel.Error, "A round of live alerts failed; the next one tries again")]
    public static partial void AlertRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(7, LogLevel.Warning, "Live policy {Policy}: {Decision} {Network}")]
    public static partial void LiveDecision(ILogger logger, string policy, string decision, string network);

    [LoggerMessage(8, LogLevel.Debug, "Live policy left {Network} alone: {Reason}")]
    public static partial void LiveRefused(ILogger logger, string network, string reason);

    [LoggerMessage(9, LogLevel.Error, "A round of live policies failed; the next one tries again")]
    public static partial void ProposalRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(10, LogLevel.Warning, "Alert {Id} could not be mailed: {Problem}")]
    public static partial void AlertMailFailed(ILogger logger, long id, string problem);
}
