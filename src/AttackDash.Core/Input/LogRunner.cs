using AttackDash.Core.Syslog;

namespace AttackDash.Core.Input;

/// <summary>Streams a set of inputs, oldest first, through one <see cref="LogEngine"/>.</summary>
public sealed class LogRunner(ReadOptions options, TextWriter warnings)
{
    /// <summary>Reads every input, then settles the correlator. Inputs must have been checked with <see cref="LogInput.Problem"/>.</summary>
    public void Run(IReadOnlyList<string> paths, LogEngine engine)
    {
        var ordered = RotationOrder.Sort(paths).Select(p => new LogInput(p)).ToList();
        var newest = NewestReference();
        for (var i = 0; i < ordered.Count; i++)
            ReadOne(ordered[i], YearsFor(ordered[i], newest, isNewest: i == ordered.Count - 1), engine);
        engine.Complete();
    }

    /// <summary>Year inference for one input of a set whose newest file has reference <paramref name="newest"/>.</summary>
    public YearInference YearsFor(LogInput input, DateTimeOffset newest, bool isNewest)
    {
        var reference = ReferenceFor(input, newest, isNewest);
        var rollovers = input.IsStdin ? 0 : RolloverScan.Count(input, options.MaxLineLength);
        return new YearInference(options.Zone, reference, rollovers);
    }

    private void ReadOne(LogInput input, YearInference years, LogEngine engine)
    {
        using var reader = new LineReader(input.Open(), options.MaxLineLength);
        var name = input.DisplayName;
        if (new ParsePipeline(engine).Run(reader, years, name, options.MaxLineLength) is { } error)
            warnings.WriteLine($"attackdash: {name}: input ends early after line {reader.LineNumber} ({error}); the lines before it were read");
    }

    public DateTimeOffset NewestReference()
    {
        var now = options.ReferenceTime ?? options.Clock.GetUtcNow();
        if (options.Year is not { } year)
            return now;
        var lastSecond = new DateTime(year, 12, 31, 23, 59, 59);
        var endOfYear = new DateTimeOffset(lastSecond, options.Zone.GetUtcOffset(lastSecond));
        return endOfYear < now ? endOfYear : now;
    }

    // With --year the newest file's last line takes that year and older files their modification time,
    // but never later. Without it each file takes its modification time, as syslog last wrote it.
    private DateTimeOffset ReferenceFor(LogInput input, DateTimeOffset newest, bool isNewest)
    {
        if (options.ReferenceTime is { } fixedTime)
            return fixedTime;
        if (isNewest && options.Year is not null)
            return newest;
        return input.ModificationTime is { } m && m < newest ? m : newest;
    }
}
