using System.Diagnostics.Metrics;

namespace AttackDash.Web.Live;

/// <summary>The web host's request instruments (meter <see cref="MeterName"/>; the store's figures are <see cref="StoreMetrics"/>'s).</summary>
public sealed class WebMetrics(IMeterFactory meters)
{
    public const string MeterName = "AttackDash.Web";

    private readonly Counter<long> _pulls = meters.Create(MeterName).CreateCounter<long>("attackdash.blocklist.pulls", "{request}",
        "Block-list API requests by result: ok, not_modified, unauthorized, locked_out, unknown_format");

    public void Pulled(string result) => _pulls.Add(1, new KeyValuePair<string, object?>("result", result));
}
