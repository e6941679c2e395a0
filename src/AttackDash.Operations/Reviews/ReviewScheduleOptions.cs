using System.ComponentModel.DataAnnotations;

namespace AttackDash.Operations.Reviews;

/// <summary>Section "Review": when the weekly offender review opens (UTC), and the policy that fills it.</summary>
public sealed class ReviewScheduleOptions
{
    public const string Section = "Review";

    public bool Enabled { get; set; } = true;

    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;

    [Range(0, 23)]
    public int Hour { get; set; } = 6;

    [Range(1, 1_000_000)]
    public int MinEvents { get; set; } = 100;

    public bool AnyInjection { get; set; } = true;

    /// <summary>The first wait after a failed run (the database away); it doubles up to half an hour.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
