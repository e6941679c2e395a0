namespace AttackDash.Storage.Queries;

/// <summary>What <see cref="OverviewQueries"/> offers the pages, the API and the commands; pages are tested against fakes of it.</summary>
public interface IOverviewQueries
{
    Task<NewVsReturning> NewVsReturningAsync(RollupPeriod p, CancellationToken ct = default);

    /// <summary>
    /// The newest injection attempts of the period. The rollup finds the (day, IP) pairs first, so that
    /// the raw events are read through the client_ip index within those days, never scanned by kind.
    /// </summary>
    Task<List<InjectionRow>> LatestInjectionsAsync(RollupPeriod p, int limit, CancellationToken ct = default);

    Task<List<CompromiseRow>> CompromisesAsync(RollupPeriod p, CancellationToken ct = default);

    /// <summary>The period's local clients, busiest first: shown apart, so that a broken local script is seen but never blamed.</summary>
    Task<List<LocalClientRow>> LocalClientsAsync(RollupPeriod p, int limit, CancellationToken ct = default);
}
