namespace AttackDash.Storage.Embedded;

/// <summary>No way to a database: the message says what to install or configure, in one paragraph.</summary>
public sealed class PostgresUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    public const string Advice =
        "Install the server binaries (Debian/Ubuntu: sudo apt-get install postgresql) so that AttackDash can run " +
        "its private cluster, or set ConnectionStrings:AttackDash (environment variable ConnectionStrings__AttackDash) " +
        "to a PostgreSQL server of your own.";
}
