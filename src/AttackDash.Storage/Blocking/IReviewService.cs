namespace AttackDash.Storage.Blocking;

/// <summary>What <see cref="ReviewService"/> offers the pages, the API and the commands; pages are tested against fakes of it.</summary>
public interface IReviewService
{
    /// <summary>Whether the review of the week that holds <paramref name="day"/> has been opened.</summary>
    Task<bool> IsOpenAsync(DateOnly day, CancellationToken ct = default);

    /// <summary>Opens (or returns, if already open) the review of the week (Monday to Monday) that holds <paramref name="day"/>.</summary>
    Task<ReviewView> OpenAsync(DateOnly day, CancellationToken ct = default);

    Task<ReviewView?> LatestAsync(CancellationToken ct = default);
}
