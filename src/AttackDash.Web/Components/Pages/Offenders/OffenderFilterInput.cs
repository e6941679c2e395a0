using System.Globalization;
using AttackDash.Core.Events;
using AttackDash.Storage.Queries;
using AttackDash.Web.Components.Shared;

namespace AttackDash.Web.Components.Pages.Offenders;

/// <summary>What the filter form holds, as typed: turned into a query filter only when applied, so a half-typed ASN is simply no filter.</summary>
public sealed class OffenderFilterInput
{
    public int Days { get; set; } = 7;

    public string Kind { get; set; } = "";

    public string? Country { get; set; }

    public string? Asn { get; set; }

    public long MinEvents { get; set; } = 1;

    public OffenderFilter ToFilter() => new(Period.Last(Days).Rollup, Math.Max(1, MinEvents),
        EventKinds.TryParse(Kind, out var k) ? (short)k : null,
        string.IsNullOrWhiteSpace(Country) ? null : Country.Trim().ToUpperInvariant(),
        long.TryParse(Asn?.Trim().TrimStart('A', 'S', 'a', 's'), NumberStyles.None, CultureInfo.InvariantCulture, out var asn) ? asn : null);
}
