using AttackDash.Storage.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AttackDash.Web.Live;

/// <summary>
/// Tells open pages that the store changed, so that they refresh with no reload. One cheap query per
/// interval for the whole host: the lines ingested by every worker (here or on the mail hosts) plus
/// the newest audit record (blocks, reviews).
/// </summary>
public sealed class StoreChanges(AttackDashDatabase database, IOptions<DashboardOptions> options, ILogger<StoreChanges> logger) : BackgroundService
{
    private long _version = -1;

    /// <summary>Raised on a pool thread; handlers marshal to their own renderer.</summary>
    public event Action? Changed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = await database.ConnectionStringAsync.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.LiveRefreshSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await CheckAsync(connectionString, stoppingToken);
    }

    private async Task CheckAsync(string connectionString, CancellationToken ct)
    {
        try
        {
            var version = await VersionAsync(connectionString, ct);
            if (_version >= 0 && version != _version)
                Raise();
            _version = version;
        }
        catch (NpgsqlException e)
        {
            Log.LiveCheckFailed(logger, e.Message);
        }
    }

    internal void Raise() => Changed?.Invoke();

    private static async Task<long> VersionAsync(string connectionString, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "SELECT (SELECT coalesce(sum(lines_done), 0) FROM ingest_sources) + (SELECT coalesce(max(id), 0) FROM audit_log)", conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
