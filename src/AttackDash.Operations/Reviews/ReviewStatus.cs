namespace AttackDash.Operations.Reviews;

/// <summary>Whether the weekly review's last run failed and is being retried: /healthz says "degraded" meanwhile.</summary>
public sealed class ReviewStatus
{
    private volatile string? _lastError;

    /// <summary>The failure the worker is retrying after, or null when its last run succeeded (or none ran yet).</summary>
    public string? LastError => _lastError;

    internal void Failed(Exception e) => _lastError = $"{e.GetType().Name}: {e.Message}";

    internal void Succeeded() => _lastError = null;
}
