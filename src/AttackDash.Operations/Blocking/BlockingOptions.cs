using AttackDash.Core.Analysis;
using Microsoft.Extensions.Options;

namespace AttackDash.Operations.Blocking;

/// <summary>
/// Section "Blocking": named blocking policies, the instances of Core's <see cref="BlockPolicy"/> kind.
/// The backtest replays these, on the command line and on its page. With none configured, it replays
/// <see cref="BlockPolicy.Defaults"/>.
/// </summary>
public sealed class BlockingOptions
{
    public const string Section = "Blocking";

    public List<PolicySettings> Policies { get; set; } = [];

    /// <summary>How often the web host looks for clients over a live policy's bar (see <see cref="PolicySettings.Mode"/>).</summary>
    public TimeSpan LiveInterval { get; set; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<BlockPolicy> ToPolicies() => Policies.Count == 0 ? BlockPolicy.Defaults : [.. Policies.Select(p => p.ToPolicy())];
}

/// <summary>One policy: block, as /32 or as the /24 around it, every IP with MinEvents attacks within Window, for BanTime (unset: forever).</summary>
public sealed class PolicySettings
{
    public string Name { get; set; } = "";
    public int MinEvents { get; set; } = 100;
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(7);

    /// <summary>"/32" (the /128 for IPv6) or "/24" (the /64).</summary>
    public string Block { get; set; } = "/32";

    public TimeSpan? BanTime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Live, in the web host: "propose" (the default) proposes the network of each client over the bar
    /// for an admin to approve; "auto" blocks it at once, audited as the policy's decision, with the
    /// escalating ban time of approvals (never wider than the /24 or /64 that Block allows); "off" only
    /// backtests. A policy replayed by the backtest decides once a week; live, it decides within
    /// <see cref="BlockingOptions.LiveInterval"/>.
    /// </summary>
    public string Mode { get; set; } = "propose";

    /// <summary>A policy saved from the Backtest page, as if configured.</summary>
    public static PolicySettings From(AttackDash.Storage.Blocking.StoredPolicy p) =>
        new() { Name = p.Name, MinEvents = p.MinEvents, Window = p.Window, Block = p.Block, BanTime = p.BanTime, Mode = p.Mode };

    public BlockPolicy ToPolicy() => BlockPolicy.Of(Name, MinEvents, (int)Math.Ceiling(Window.TotalDays), wide: Block == "/24", BanTime ?? TimeSpan.MaxValue);

    /// <returns>What is wrong with the policy, or null.</returns>
    public string? Problem(int index) =>
        string.IsNullOrWhiteSpace(Name) ? $"Blocking:Policies:{index}:Name is required"
        : MinEvents is < 1 or > 10_000_000 ? $"Blocking:Policies:{index} ({Name}): MinEvents must be 1 to 10,000,000"
        : Window < TimeSpan.FromMinutes(1) || Window > TimeSpan.FromDays(36_500) ? $"Blocking:Policies:{index} ({Name}): Window must be 1 minute to 100 years (the replay counts whole days)"
        : Block is not ("/32" or "/24") ? $"Blocking:Policies:{index} ({Name}): Block must be \"/32\" or \"/24\""
        : BanTime is { } ban && ban < TimeSpan.FromDays(1) ? $"Blocking:Policies:{index} ({Name}): BanTime must be at least a day, or unset for forever"
        : Mode is not ("propose" or "auto" or "off") ? $"Blocking:Policies:{index} ({Name}): Mode must be \"propose\", \"auto\" or \"off\""
        : null;
}

/// <summary>Names the first broken policy and setting, so that a host stops with a message an admin can act on.</summary>
internal sealed class BlockingOptionsValidator : IValidateOptions<BlockingOptions>
{
    public ValidateOptionsResult Validate(string? name, BlockingOptions options)
    {
        var problems = options.Policies.Select((p, i) => p.Problem(i)).OfType<string>().ToList();
        if (options.Policies.Select(p => p.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() < options.Policies.Count)
            problems.Add("Blocking:Policies: two policies have the same Name");
        if (options.LiveInterval < TimeSpan.FromSeconds(1) || options.LiveInterval > TimeSpan.FromHours(1))
            problems.Add("Blocking:LiveInterval must be 1 second to 1 hour");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
