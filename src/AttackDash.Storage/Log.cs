using Microsoft.Extensions.Logging;

namespace AttackDash.Storage;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Embedded PostgreSQL in {Root} listening on 127.0.0.1:{Port}")]
    public static partial void EmbeddedStarted(ILogger logger, string root, int port);

    [LoggerMessage(2, LogLevel.Information, "Applied migration {Migration}")]
    public static partial void MigrationApplied(ILogger logger, string migration);
}
