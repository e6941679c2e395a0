using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using AttackDash.Core.Reports;
using AttackDash.Generation;

namespace AttackDash.Cli.Commands;

/// <summary><c>attackdash generate</c>: a synthetic sendmail log plus its ground truth, for tests, benchmarks and the demo.</summary>
internal static class GenerateCommand
{
    public const string Usage = """
        usage: attackdash generate --out FILE [options]
          --out FILE             the log to write (- for stdout); the truth goes to FILE.truth.json
          --truth FILE           where to write the ground truth instead
          --lines N              about how many lines (default 200000)
          --days N               days covered (default 365)   --start YYYY-MM-DD (default 2024-07-01)
          --format bsd|iso       classic year-less syslog (default) or RFC 3339 stamps
          --attacker-ips N       the botnet's size (default: lines/320, at most 7,000: a site's year);
                                 ~600000 with --lines 20000000 is a provider's year. Needs lines >= 16 N
          --gzip                 compress the log
          --seed N               (default 1): the same seed and options give the same bytes
        The log file's modification time is set to its last line, as syslog leaves it, so that
        year-less lines read back with the right year. Times are UTC: read them with --tz UTC.
        """;

    public static int Run(IEnumerable<string> args, CliContext cli)
    {
        var a = new ArgList(args, ["--out", "--truth", "--lines", "--days", "--start", "--format", "--seed", "--attacker-ips"], ["--gzip"]);
        var options = new GeneratorOptions
        {
            Seed = a.Int("--seed", 1, 0, int.MaxValue),
            Lines = a.Int("--lines", 200_000, 100, int.MaxValue),
            Days = a.Int("--days", 365, 1, 36_500),
            Format = a.Value("--format") switch
            {
                null or "bsd" => LogFormat.Bsd,
                "iso" => LogFormat.Iso,
                var f => throw new UsageException($"--format takes bsd or iso, not '{f}'"),
            },
        };
        if (a.Value("--attacker-ips") is not null)
        {
            options.AttackerIps = a.Int("--attacker-ips", 0, 40, 10_000_000);
            if (options.Lines < 16L * options.AttackerIps)
                throw new UsageException($"--attacker-ips {options.AttackerIps} needs at least --lines {16L * options.AttackerIps} (each IP sends one or more attacks among the legitimate mail)");
        }
        if (a.Value("--start") is { } start)
        {
            options.Start = DateOnly.TryParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : throw new UsageException($"--start takes a date such as 2024-07-01, not '{start}'");
        }
        var output = a.Value("--out") ?? throw new UsageException("--out FILE is required (- for cli.Out)");
        var truthPath = a.Value("--truth") ?? (output == "-" ? null : output + ".truth.json");
        var truth = Write(output, options, a.Flag("--gzip"), cli.Out);
        if (truthPath is not null)
            File.WriteAllText(truthPath, JsonSerializer.Serialize(truth, JsonReport.Options));
        if (output != "-" && truth.Period.Last is { } last)
            File.SetLastWriteTimeUtc(output, last.UtcDateTime);
        cli.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"attackdash: wrote {truth.Lines:#,0} lines ({truth.AttackEvents:#,0} attack events from {truth.UniqueAttackerIps:#,0} IPs) to {output}"));
        return 0;
    }

    private static GroundTruth Write(string output, GeneratorOptions options, bool gzip, TextWriter stdout)
    {
        if (output == "-")
            return LogGenerator.Generate(stdout, options);
        using var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        using Stream stream = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        return LogGenerator.Generate(writer, options);
    }
}
