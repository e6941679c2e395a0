using AttackDash.Core.Analysis;

namespace AttackDash.Storage.Queries;

/// <summary>What <see cref="BacktestQueries"/> offers the pages, the API and the commands; pages are tested against fakes of it.</summary>
public interface IBacktestQueries
{
    Task<List<BacktestResult>> RunAsync(IReadOnlyList<BlockPolicy> policies, CancellationToken ct = default);
}
