using AttackDash.Core.Events;
using AttackDash.Web.Components.Pages.Offenders;

namespace AttackDash.Web.Tests.Pages;

/// <summary>The offenders' filter form, as typed by hand: the values it turns into a query, and the ones it ignores.</summary>
public sealed class OffenderFilterTests
{
    [Fact]
    public void An_asn_written_as_AS3320_a_lower_case_country_and_a_kind_name_become_the_query_filter()
    {
        var filter = new OffenderFilterInput { Days = 30, Kind = "auth_failure", Country = " de ", Asn = "AS3320", MinEvents = 5 }.ToFilter();
        Assert.Equal(3320, filter.Asn);
        Assert.Equal("DE", filter.CountryCode);
        Assert.Equal((short)EventKind.AuthFailure, filter.Kind);
        Assert.Equal(5, filter.MinEvents);
    }

    [Theory]
    [InlineData("", "", "0")]
    [InlineData("  ", "AS", "-3")]
    [InlineData("not-a-kind", "33x20", "0")]
    public void Half_typed_or_wrong_values_are_no_filter_rather_than_an_error(string kind, string asn, string minEvents)
    {
        var filter = new OffenderFilterInput { Kind = kind, Country = "  ", Asn = asn, MinEvents = long.Parse(minEvents, System.Globalization.CultureInfo.InvariantCulture) }.ToFilter();
        Assert.Null(filter.Kind);
        Assert.Null(filter.CountryCode);
        Assert.Null(filter.Asn);
        Assert.Equal(1, filter.MinEvents);
    }
}
