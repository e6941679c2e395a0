namespace AttackDash.Storage.Alerts;

public sealed record AlertView(long Id, DateTimeOffset RaisedAt, string Kind, string Ip, DateTimeOffset Time, string? Username, string Line, long Attacks, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy);

/// <summary>
/// What raises an alert. <see cref="Kinds"/> holds <see cref="AlertKinds"/> names; a possible compromise
/// needs attack events from the client in the <see cref="LookBack"/>, or a username a campaign tried in
/// it; after an alert, the same kind from the same client (a campaign: for the same username) stays quiet
/// for <see cref="Quiet"/>. A campaign is one username from <see cref="CampaignIps"/> clients within ten
/// minutes; a heavy hitter makes <see cref="HeavyHitterEvents"/> attack events within 24 hours, and is
/// alerted once.
/// </summary>
public sealed record AlertRules(IReadOnlyCollection<string> Kinds, TimeSpan LookBack, TimeSpan Quiet, int CampaignIps = 5, long HeavyHitterEvents = 1000);

public static class AlertKinds
{
    /// <summary>A successful AUTH, or a message accepted for delivery, from a client that attacked in the look-back.</summary>
    public const string PossibleCompromise = "possible_compromise";

    /// <summary>A shell or code payload in the envelope.</summary>
    public const string Injection = "injection";

    /// <summary>One username from many clients within minutes (the rule of <c>analyze</c>).</summary>
    public const string Campaign = "campaign";

    /// <summary>A client over the heavy hitters' bar within 24 hours, for the first time.</summary>
    public const string HeavyHitter = "heavy_hitter";

    public static IReadOnlyList<string> All { get; } = [PossibleCompromise, Injection, Campaign, HeavyHitter];

    /// <summary>The kind as the pages write it.</summary>
    public static string Label(string kind) => kind.Replace('_', ' ');
}

/// <summary>Live alerts in the store: raised from the newest events, listed, acknowledged (audited), and marked as sent.</summary>
public interface IAlertService
{
    /// <summary>
    /// Raises one alert per kind and client for the events logged since <paramref name="since"/> that the
    /// rules call for, unless the client had one of that kind within the quiet time: calling it again
    /// over the same events raises nothing. Hosts may call it at the same time; they take turns.
    /// </summary>
    /// <returns>The alerts raised now.</returns>
    Task<IReadOnlyList<AlertView>> RaiseAsync(DateTimeOffset since, AlertRules rules, CancellationToken ct = default);

    /// <summary>Newest first; <paramref name="openOnly"/> leaves out the acknowledged, <paramref name="kind"/> the other kinds.</summary>
    Task<(List<AlertView> Rows, int Total)> ListAsync(bool openOnly, int page, int pageSize, string? kind = null, CancellationToken ct = default);

    /// <summary>The alerts nobody acknowledged yet, for the navigation's badge.</summary>
    Task<int> OpenCountAsync(CancellationToken ct = default);

    /// <summary>Marks an alert acknowledged by <paramref name="actor"/>, with an audit record; false when it does not exist or was already acknowledged.</summary>
    Task<bool> AcknowledgeAsync(long id, string actor, CancellationToken ct = default);

    /// <summary>Alerts of the last day that the webhook has not accepted yet, after fewer than <paramref name="maxAttempts"/> tries, oldest first.</summary>
    Task<List<AlertView>> UnsentAsync(int maxAttempts, CancellationToken ct = default);

    /// <summary>Counts a try to send the alert, and when <paramref name="sent"/>, that it got through.</summary>
    Task MarkSentAsync(long id, bool sent, CancellationToken ct = default);
}
