using System.Globalization;
using System.Text.Json;
using AttackDash.Core.Events;
using AttackDash.Core.Net;

namespace AttackDash.Core.Tests;

/// <summary>Runs every annotated sample file: each rule ships the lines it must read.</summary>
public sealed class SampleFilesTests
{
    public static TheoryData<string> SampleFiles() => EngineHarness.DataFiles("samples", "*.log");

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Every_annotated_line_yields_exactly_the_expected_event(string file)
    {
        var path = EngineHarness.DataPath("samples", file);
        var expectations = ReadExpectations(path);
        Assert.NotEmpty(expectations);
        var events = EngineHarness.RunFile(path, EngineHarness.SamplesNow).ToLookup(e => e.LineNumber);
        foreach (var (lineNumber, expected) in expectations)
        {
            var actual = events[lineNumber].ToList();
            if (expected is null)
            {
                Assert.True(actual.Count == 0, $"{file}:{lineNumber} expected no event, got {string.Join(", ", actual)}");
                continue;
            }
            Assert.True(actual.Count == 1, $"{file}:{lineNumber} expected one event, got {actual.Count}");
            Check(file, lineNumber, expected.Value, actual[0]);
        }
    }

    [Fact]
    public void Every_event_kind_has_at_least_one_annotated_sample_line()
    {
        var files = Directory.GetFiles(EngineHarness.DataPath("samples", ""), "*.log");
        var sampled = files.SelectMany(ReadExpectations).Where(e => e.Expected is not null)
            .Select(e => e.Expected!.Value.GetProperty("kind").GetString()!).ToHashSet();
        var missing = EventKinds.All.Select(k => k.Name()).Where(k => !sampled.Contains(k)).ToList();
        Assert.True(missing.Count == 0, $"no sample line yields {string.Join(", ", missing)}");
    }

    private static void Check(string file, long line, JsonElement expected, MailEvent actual)
    {
        var at = $"{file}:{line}";
        Assert.True(expected.GetProperty("kind").GetString() == actual.Kind.Name(), $"{at}: kind {actual.Kind.Name()}");
        if (expected.TryGetProperty("ip", out var ip))
            Assert.True(actual.ClientIp == IpAddress128.Parse(ip.GetString()!), $"{at}: ip {actual.ClientIp}");
        else
            Assert.True(actual.ClientIp is null, $"{at}: expected no IP, got {actual.ClientIp}");
        Expect(at, expected, "host", actual.ClientHost);
        Expect(at, expected, "user", actual.User);
        Expect(at, expected, "arg", actual.Argument);
        Expect(at, expected, "qid", actual.QueueId);
        if (expected.TryGetProperty("forged", out var forged))
            Assert.True(forged.GetBoolean() == actual.MayBeForged, $"{at}: forged {actual.MayBeForged}");
        if (expected.TryGetProperty("time", out var time))
            Assert.Equal(DateTimeOffset.Parse(time.GetString()!, CultureInfo.InvariantCulture), actual.Time);
    }

    private static void Expect(string at, JsonElement expected, string key, string? actual)
    {
        if (expected.TryGetProperty(key, out var value))
            Assert.True(value.GetString() == actual, $"{at}: {key} was '{actual}', expected '{value.GetString()}'");
    }

    private static List<(long Line, JsonElement? Expected)> ReadExpectations(string path)
    {
        var result = new List<(long, JsonElement?)>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length - 1; i++)
        {
            const string marker = "# expect: ";
            if (!lines[i].StartsWith(marker, StringComparison.Ordinal))
                continue;
            var json = lines[i][marker.Length..];
            result.Add((i + 2, json == "null" ? null : JsonDocument.Parse(json).RootElement));
        }
        return result;
    }
}
