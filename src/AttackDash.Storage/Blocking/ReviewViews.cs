using System.Net;
using AttackDash.Storage.Entities;

namespace AttackDash.Storage.Blocking;

/// <summary>One weekly review as the page and `review show` see it.</summary>
public sealed record ReviewView(long Id, DateOnly WeekStart, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, IReadOnlyList<ReviewItemView> Items)
{
    internal static ReviewView Of(ReviewRow r) => new(r.Id, r.WeekStart, r.OpenedAt, r.ClosedAt, [.. r.Items.OrderByDescending(i => i.Events).ThenBy(i => i.Id).Select(ReviewItemView.Of)]);
}

/// <summary>
/// One offender of a review and what the admin needs to decide: activity, location, the collateral of
/// blocking its /24 (/64), and the decision (null while open; "block32", "block24" or "reject").
/// </summary>
public sealed record ReviewItemView(
    long Id, IPAddress Ip, long Events, long PreviousWeekEvents, long Injections, string Kinds, string? CountryCode, long? Asn, string? AsOrganization,
    long CollateralMessages, long CollateralLogins, string? Decision, string? DecidedBy, DateTimeOffset? DecidedAt)
{
    internal static ReviewItemView Of(ReviewItemRow i) => new(
        i.Id, IPAddress.Parse(i.Ip), i.Events, i.PreviousWeekEvents, i.Injections, i.Kinds, i.CountryCode, i.Asn, i.AsOrganization,
        i.CollateralMessages, i.CollateralLogins, i.Decision, i.DecidedBy, i.DecidedAt);
}
