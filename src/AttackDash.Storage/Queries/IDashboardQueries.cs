namespace AttackDash.Storage.Queries;

/// <summary>What <see cref="DashboardQueries"/> offers the pages, the API and the commands; pages are tested against fakes of it.</summary>
public interface IDashboardQueries
{
    Task<List<OffenderRow>> TopOffendersAsync(RollupPeriod p, int limit, CancellationToken ct = default);

    Task<PeriodSummary> PeriodSummaryAsync(RollupPeriod p, CancellationToken ct = default);

    /// <summary>One page of the offenders table and the number of rows in all pages; sorting and paging happen in the database.</summary>
    Task<(List<OffenderListRow> Rows, long Total)> OffendersPageAsync(OffenderFilter f, OffenderSort sort, bool descending, int page, int pageSize, CancellationToken ct = default);

    Task<List<GroupCount>> OffendersByCountryAsync(RollupPeriod p, CancellationToken ct = default);

    Task<List<GroupCount>> OffendersByAsnAsync(RollupPeriod p, CancellationToken ct = default);
}
