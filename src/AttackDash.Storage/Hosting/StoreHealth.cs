using Npgsql;

namespace AttackDash.Storage.Hosting;

/// <summary>Whether the store answers now: for /healthz, which must turn unhealthy when the database goes away.</summary>
public static class StoreHealth
{
    /// <summary>True when a query returns within <paramref name="timeout"/>. Never throws.</summary>
    public static async Task<bool> AnswersAsync(AttackDashDatabase database, TimeSpan timeout, CancellationToken ct = default)
    {
        if (!database.IsReady)
            return false;
        try
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
            bound.CancelAfter(timeout);
            await using var cmd = database.DataSource.CreateCommand("SELECT 1");
            await cmd.ExecuteScalarAsync(bound.Token);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return false;
        }
    }
}
