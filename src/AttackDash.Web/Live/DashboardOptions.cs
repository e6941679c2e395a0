using System.ComponentModel.DataAnnotations;

namespace AttackDash.Web.Live;

/// <summary>Section "Dashboard".</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>How often the pages check the store for new events (and block changes) to refresh themselves.</summary>
    [Range(1, 3600)]
    public int LiveRefreshSeconds { get; set; } = 5;
}
