using Npgsql;

namespace AttackDash.Storage.Hosting;

/// <summary>Whether the store answers now: for /healthz, which must turn unhealthy when the database goes away.</summary>
public static class StoreHealth
{
    /// <summary>True when a query returns within <paramref name="timeout"/>. Never throws.</summary>
    public static async Task<bool> AnswersAsync(AttackDashDatabase database, TimeSpan timeout, CancellationToken ct = default)
    {
        if (!database.ConnectionStringAsync.IsCompletedSuccessfully)
            return false;
        try
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
            bound.CancelAfter(timeout);
            var cs = new NpgsqlConnectionStringBuilder(database.ConnectionStringAsync.Result) { Timeout = Math.Max(1, (int)timeout.TotalSeconds) };
            await using var conn = new NpgsqlConnection(cs.ConnectionString);
            await conn.OpenAsync(bound.Token);
            await using var cmd = new NpgsqlCommand("SELECT 1", conn);
            await cmd.ExecuteScalarAsync(bound.Token);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return false;
        }
    }
}
