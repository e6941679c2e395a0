namespace AttackDash.Storage.Queries;

/// <summary>The store's figures on ingest and blocking, for /metrics, /healthz/ready, `status` and the Status page.</summary>
public interface IOperationsQueries
{
    /// <param name="recent">Paths last committed to longer ago than this are left out (old archives imported once).</param>
    Task<OperationsSnapshot> ReadAsync(DateTimeOffset now, TimeSpan recent, CancellationToken ct = default);
}
