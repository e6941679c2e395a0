namespace AttackDash.Core.Blocking;

/// <summary>
/// Longer bans for repeat offenders, after fail2ban's bantime.increment: each earlier block of the same
/// network multiplies the ban time by <see cref="Factor"/>, up to <see cref="MaxBanTime"/>; from
/// <see cref="RecidiveAfter"/> earlier blocks on (fail2ban's recidive jail) the ban is the maximum.
/// </summary>
public sealed class BanTimePolicy
{
    public TimeSpan BaseBanTime { get; init; } = TimeSpan.FromDays(7);
    public double Factor { get; init; } = 2;
    public TimeSpan MaxBanTime { get; init; } = TimeSpan.FromDays(365);
    public int RecidiveAfter { get; init; } = 5;

    /// <param name="earlierBlocks">How many times this network was blocked before.</param>
    public TimeSpan BanTimeFor(int earlierBlocks)
    {
        if (earlierBlocks >= RecidiveAfter)
            return MaxBanTime;
        var ticks = BaseBanTime.Ticks * Math.Pow(Factor, earlierBlocks);
        return ticks >= MaxBanTime.Ticks ? MaxBanTime : TimeSpan.FromTicks((long)ticks);
    }
}
