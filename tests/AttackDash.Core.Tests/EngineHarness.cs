using System.Text;
using AttackDash.Core.Events;
using AttackDash.Core.Input;
using AttackDash.Core.Syslog;

namespace AttackDash.Core.Tests;

/// <summary>Runs log text through the real engine, as of a fixed "now", in UTC.</summary>
internal static class EngineHarness
{
    public static readonly DateTimeOffset SamplesNow = new(2025, 12, 31, 23, 59, 59, TimeSpan.Zero);

    public static (List<MailEvent> Events, LogEngine Engine) Run(IEnumerable<string> lines, DateTimeOffset now)
    {
        var sink = new ListSink();
        var engine = new LogEngine(sink);
        var years = new YearInference(TimeZoneInfo.Utc, now);
        long n = 0;
        foreach (var line in lines)
            engine.Process(Encoding.UTF8.GetBytes(line), years, "test", ++n);
        engine.Complete();
        return (sink.Events, engine);
    }

    public static List<MailEvent> RunFile(string path, DateTimeOffset now)
    {
        var sink = new ListSink();
        var engine = new LogEngine(sink);
        new LogRunner(new ReadOptions { Zone = TimeZoneInfo.Utc, ReferenceTime = now }, TextWriter.Null).Run([path], engine);
        return sink.Events;
    }

    /// <summary>The names of the test-data files in <paramref name="folder"/> that match <paramref name="pattern"/>, in order: one theory case each.</summary>
    public static TheoryData<string> DataFiles(string folder, string pattern)
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(DataPath(folder.Split('/')), pattern).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    public static string DataPath(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);
}

internal sealed class ListSink : IEventSink
{
    public List<MailEvent> Events { get; } = [];

    public void Add(MailEvent mailEvent) => Events.Add(mailEvent);
}
