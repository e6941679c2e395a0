using System.Globalization;
using AttackDash.Core.Syslog;

namespace AttackDash.Core.Input;

/// <summary>Streams a set of inputs, oldest first, through one <see cref="LogEngine"/>.</summary>
public sealed class LogRunner(ReadOptions options, TextWriter warnings)
{
    private bool _warnedOfCopy;

    /// <summary>Reads every input, then settles the correlator. Inputs must have been checked with <see cref="LogInput.Problem"/>.</summary>
    public void Run(IReadOnlyList<string> paths, LogEngine engine)
    {
        foreach (var (input, years) in Plan(paths))
        {
            ReadOne(input, years, engine);
            if (years.RanPastReference && input.IsStdin)
                warnings.WriteLine("attackdash: stdin: year-less lines run past the present, so their year is a guess: give --year");
        }
        engine.Complete();
    }

    /// <summary>
    /// The inputs in read order (oldest first), each with its year inference. Within a rotated set the
    /// years are chained from the newest file back: an older file ends no later than the next one starts,
    /// so a set copied from a backup, whose modification times are all the day of the copy, stays in
    /// one consistent span.
    /// </summary>
    public IReadOnlyList<(LogInput Input, YearInference Years)> Plan(IReadOnlyList<string> paths)
    {
        var ordered = RotationOrder.Sort(paths).Select(p => new LogInput(p)).ToList();
        var plan = new YearInference[ordered.Count];
        var now = options.ReferenceTime ?? options.Clock.GetUtcNow();
        for (var i = ordered.Count - 1; i >= 0; i--)
        {
            var input = ordered[i];
            var newer = i + 1 < ordered.Count && RotationOrder.BaseName(ordered[i + 1].Path) == RotationOrder.BaseName(input.Path) ? plan[i + 1] : null;
            var scan = RolloverScan.Scan(input, options.MaxLineLength);
            var (reference, fromModificationTime) = ReferenceFor(input, newer, now);
            plan[i] = new YearInference(options.Zone, reference, scan);
            if (fromModificationTime)
                WarnIfCopied(input, reference, plan[i]);
        }
        return ordered.Select((input, i) => (input, plan[i])).ToList();
    }

    /// <summary>Year inference for a single input read alone (as the newest of its set).</summary>
    public YearInference YearsFor(LogInput input) => Plan([input.Path])[0].Years;

    private void ReadOne(LogInput input, YearInference years, LogEngine engine)
    {
        using var reader = new LineReader(input.Open(), options.MaxLineLength);
        var name = input.DisplayName;
        if (new ParsePipeline(engine).Run(reader, years, name, options.MaxLineLength) is { } error)
            warnings.WriteLine($"attackdash: {name}: input ends early after line {reader.LineNumber} ({error}); the lines before it were read");
    }

    // The newest file of a set takes the end of --year, or else its modification time; an older one
    // also ends no later than the newer one starts.
    private (DateTimeOffset Reference, bool FromModificationTime) ReferenceFor(LogInput input, YearInference? newer, DateTimeOffset now)
    {
        if (options.ReferenceTime is { } fixedTime)
            return (fixedTime, false);
        var modified = input.ModificationTime is { } m && m < now ? m : now;
        if (newer is null)
            return options.Year is { } year ? (EndOfYear(year), false) : (modified, !input.IsStdin);
        var newerStart = newer.FirstTime ?? newer.NewestTime;
        return newerStart is { } start && start < modified ? (start, false) : (modified, true);
    }

    private DateTimeOffset EndOfYear(int year)
    {
        var lastSecond = new DateTime(year, 12, 31, 23, 59, 59);
        return new DateTimeOffset(lastSecond, options.Zone.GetUtcOffset(lastSecond));
    }

    // A log's modification time is its last write, so its newest line is at most moments older. Far
    // older means a copy (cp, rsync, a restore): the year is then a guess worth saying so, once.
    private void WarnIfCopied(LogInput input, DateTimeOffset reference, YearInference years)
    {
        if (_warnedOfCopy || years.NewestTime is not { } newest || reference - newest <= YearInference.FutureSlack)
            return;
        _warnedOfCopy = true;
        warnings.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"attackdash: {input.DisplayName}: its newest line ({newest:MMM d HH:mm}) is {(reference - newest).TotalDays:0} days older than its modification time ({reference:yyyy-MM-dd}), as a copied file's would be; its lines were placed from {years.FirstTime ?? newest:yyyy-MM-dd} to {newest:yyyy-MM-dd}: if that is wrong, give --year"));
    }
}
