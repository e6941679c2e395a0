using System.ComponentModel.DataAnnotations;

namespace AttackDash.Web.Blocking.Api;

/// <summary>Section "BlocklistApi".</summary>
public sealed class BlocklistApiOptions
{
    public const string Section = "BlocklistApi";

    /// <summary>How long a rendered list and the set of valid tokens are reused before the store is asked again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Failed token checks from one address within <see cref="FailureWindow"/> before it is refused for <see cref="LockoutFor"/>.</summary>
    [Range(1, 1000)]
    public int MaxFailures { get; set; } = 10;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan LockoutFor { get; set; } = TimeSpan.FromMinutes(5);
}
