namespace AttackDash.Storage.Queries;

/// <summary>What <see cref="TimelineQueries"/> offers the pages, the API and the commands; pages are tested against fakes of it.</summary>
public interface ITimelineQueries
{
    /// <summary>From the hourly rollup, which also counts the events with no IP (unattributed user_unknown).</summary>
    Task<List<BucketCount>> EventsByKindAsync(RollupPeriod p, bool hourly, CancellationToken ct = default);

    /// <summary>Per UTC day: attacker IPs seen for the first time that day, and those seen before.</summary>
    Task<List<DayNewReturning>> NewVsReturningPerDayAsync(DateOnly from, DateOnly to, CancellationToken ct = default);

    Task<List<DistributionBucket>> DistributionAsync(RollupPeriod p, CancellationToken ct = default);
}
