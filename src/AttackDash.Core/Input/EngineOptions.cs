using AttackDash.Core.Correlation;

namespace AttackDash.Core.Input;

public sealed class EngineOptions
{
    public CorrelatorOptions Correlation { get; set; } = new();

    /// <summary>
    /// Decode each event's detail text, queue id and client host name. A consumer that only counts
    /// (analyze) turns this off and saves most of the engine's allocations; the payload of an
    /// injection and the user name are always kept.
    /// </summary>
    public bool CaptureText { get; set; } = true;

    /// <summary>The clock that lines with a written year may not run more than a day ahead of.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Records this MTA host name on every event instead of the one in each line (ingest --host).</summary>
    public string? MtaHost { get; set; }
}
