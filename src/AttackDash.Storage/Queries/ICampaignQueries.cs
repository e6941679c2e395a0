namespace AttackDash.Storage.Queries;

/// <summary>What <see cref="CampaignQueries"/> offers the pages, the API and the commands; pages are tested against fakes of it.</summary>
public interface ICampaignQueries
{
    Task<List<CampaignRow>> FindAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan window, int minIps, CancellationToken ct = default);
}
