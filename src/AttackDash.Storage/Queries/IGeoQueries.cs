namespace AttackDash.Storage.Queries;

/// <summary>What <see cref="GeoQueries"/> offers the pages, the API and the commands; pages are tested against fakes of it.</summary>
public interface IGeoQueries
{
    Task<List<MapPoint>> MapPointsAsync(RollupPeriod p, CancellationToken ct = default);
}
