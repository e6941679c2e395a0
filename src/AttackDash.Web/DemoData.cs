using AttackDash.Core.Input;
using AttackDash.Generation;
using AttackDash.Ingestion;
using AttackDash.Storage.Hosting;
using AttackDash.Storage.Ingest;
using AttackDash.Storage.Queries;

namespace AttackDash.Web;

/// <summary>
/// A first look without setup: when the store is empty and no log is configured, the host loads the
/// machine's mail log if it can read one, and otherwise a generated demo year.
/// </summary>
internal sealed class DemoData(AttackDashDatabase database, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DemoData> logger) : BackgroundService
{
    internal const int DefaultLines = 650_000;

    private static readonly string[] SystemLogs = ["/var/log/mail.log", "/var/log/maillog"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Demo:Enabled", true) || configuration.GetSection("Ingest:Paths").GetChildren().Any())
            return;
        await database.WhenReadyAsync(stoppingToken);
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<StoreContents>().HasEventsAsync(stoppingToken))
            return;
        var log = SystemLogs.FirstOrDefault(Readable) ?? await GenerateAsync(stoppingToken);
        Log.LoadingDemo(logger, log);
        var store = scope.ServiceProvider.GetRequiredService<EventStore>();
        var read = new ReadOptions();
        var runner = new LogRunner(read, TextWriter.Null);
        var result = await new FileIngestor([store], new IngestOptions(), read)
            .IngestAsync(log, runner.YearsFor, ct: stoppingToken);
        Log.DemoLoaded(logger, result.Lines, result.NewEvents);
    }

    private string DemoFolder => configuration["Demo:Folder"] ?? Path.Combine(Path.GetTempPath(), "attackdash-demo");

    private async Task<string> GenerateAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(DemoFolder);
        var path = Path.Combine(DemoFolder, "maillog-demo");
        await using (var writer = new StreamWriter(path))
        {
            LogGenerator.Generate(writer, DemoYear(DateTimeOffset.UtcNow, configuration.GetValue("Demo:Lines", DefaultLines)));
        }
        return path;
    }

    /// <summary>
    /// The operator's year: about 6,800 attacker IPs at the default 650,000 lines (three giants, ~55 at
    /// 100+, most at 1-2), with campaigns and a compromise in the last five days for the default 7-day
    /// view. It covers the 365 whole UTC days before today: a demo with events later than now ("last
    /// seen 22:55" at 07:00) looks broken.
    /// </summary>
    internal static GeneratorOptions DemoYear(DateTimeOffset now, int lines) => new()
    {
        Lines = lines, Start = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-365), Days = 365, Format = LogFormat.Iso,
        AttackerIps = Math.Min(6_800, lines / 88), RecentDays = 5,
    };

    private static bool Readable(string path)
    {
        try
        {
            using var f = File.OpenRead(path);
            return f.Length > 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
