using AttackDash.Storage.Alerts;

namespace AttackDash.Web.Tests.Pages;

/// <summary>Alerts held in memory; acknowledging records the change and closes the alert.</summary>
public sealed partial class FakeStore : IAlertService
{
    public List<AlertView> Alerts { get; } = [];

    public Task<IReadOnlyList<AlertView>> RaiseAsync(DateTimeOffset since, AlertRules rules, CancellationToken ct = default) =>
        throw new NotSupportedException("no page raises alerts");

    public Task<(List<AlertView> Rows, int Total)> ListAsync(bool openOnly, int page, int pageSize, string? kind = null, CancellationToken ct = default)
    {
        var rows = Alerts.Where(a => (!openOnly || a.AcknowledgedAt is null) && (kind is null || a.Kind == kind)).OrderByDescending(a => a.Id).ToList();
        return Answer((rows.Skip(page * pageSize).Take(pageSize).ToList(), rows.Count));
    }

    public Task<int> OpenCountAsync(CancellationToken ct = default) => Answer(Alerts.Count(a => a.AcknowledgedAt is null));

    public async Task<bool> AcknowledgeAsync(long id, string actor, CancellationToken ct = default)
    {
        var i = Alerts.FindIndex(a => a.Id == id && a.AcknowledgedAt is null);
        await Change($"acknowledge alert {id} by {actor}");
        if (i < 0)
            return false;
        Alerts[i] = Alerts[i] with { AcknowledgedAt = DateTimeOffset.UnixEpoch, AcknowledgedBy = actor };
        return true;
    }

    public Task<List<AlertView>> UnsentAsync(int maxAttempts, CancellationToken ct = default) => Answer(new List<AlertView>());

    public Task MarkSentAsync(long id, bool sent, CancellationToken ct = default) => Change($"sent {id}");
}
