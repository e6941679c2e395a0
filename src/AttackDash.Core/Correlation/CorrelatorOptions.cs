namespace AttackDash.Core.Correlation;

public sealed class CorrelatorOptions
{
    /// <summary>A queue id or SMTP session with no line for this long is closed; its unjoined events are settled.</summary>
    public TimeSpan SessionIdle { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often (in log time) idle state is swept: each sweep walks all open state, so not every minute.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);
}
