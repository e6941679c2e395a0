using System.Globalization;
using AttackDash.Core.Correlation;
using AttackDash.Core.Input;
using AttackDash.Core.Syslog;

namespace AttackDash.Cli.Commands;

/// <summary>Options shared by the commands: reading logs, and the actor they audit.</summary>
internal static class CommonOptions
{
    /// <summary>Who the audit log names for a change made from the command line.</summary>
    public static string Actor => $"cli:{Environment.UserName}";

    public static ReadOptions Read(ArgList a)
    {
        var options = new ReadOptions { Year = a.OptionalInt("--year", 1970, 9999) };
        if (a.Value("--tz") is { } tz)
        {
            if (!TimeZones.TryParse(tz, out var zone, out var error))
                throw new UsageException($"--tz: {error}");
            options.Zone = zone;
        }
        return options;
    }

    public static CorrelatorOptions Correlation(ArgList a) =>
        new() { SessionIdle = a.Duration("--session-idle", new CorrelatorOptions().SessionIdle) };

    /// <summary>The FILE arguments, each checked readable: an unusable input stops the command before any work.</summary>
    public static List<string> Inputs(ArgList a)
    {
        if (a.Positionals.Count == 0)
            throw new UsageException("no input: give one or more log files, or - for stdin");
        foreach (var p in a.Positionals)
        {
            if (new LogInput(p).Problem() is { } problem)
                throw new UsageException(problem);
        }
        return a.Positionals;
    }

    public static void ReportMalformed(InputStats stats, TextWriter stderr)
    {
        if (stats.MalformedLines == 0)
            return;
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"attackdash: {stats.MalformedLines:#,0} malformed line(s) counted and skipped; first ones:"));
        foreach (var line in stats.MalformedSample)
            stderr.WriteLine($"  {line}");
    }
}
