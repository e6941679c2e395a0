namespace AttackDash.Core.Input;

public sealed class ReadOptions
{
    /// <summary>Year of the newest year-less line; default: each file's modification time.</summary>
    public int? Year { get; set; }

    /// <summary>Zone of year-less local times; default: the machine's.</summary>
    public TimeZoneInfo Zone { get; set; } = TimeZoneInfo.Local;

    /// <summary>Lines past this many bytes are cut and counted as malformed.</summary>
    public int MaxLineLength { get; set; } = 64 * 1024;

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Overrides every reference instant (tests reading fixed sample logs).</summary>
    public DateTimeOffset? ReferenceTime { get; set; }
}
