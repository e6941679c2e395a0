using System.Text.Json;
using AttackDash.Core.Events;

namespace AttackDash.Core.Tests;

/// <summary>
/// Real published sendmail logs (8.7 to 8.14), annotated line by line by hand (TestData/real-logs):
/// <c>analyze</c> must find exactly the expected events per IP and kind, and invent none beyond what
/// the annotations' <c>unsure</c> entries tolerate.
/// </summary>
public sealed class RealLogTests
{
    public static TheoryData<string> Files() => EngineHarness.DataFiles("real-logs/expected", "*.json");

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_annotated_event_is_found_for_its_client_and_nothing_else_is(string name)
    {
        var expected = Expected.Load(name);
        var events = RunEvents(expected);
        var problems = new List<string>();
        var counted = new List<Event>();
        foreach (var e in events)
        {
            if (expected.Unsure.TryGetValue(e.Line, out var tolerated))
            {
                if (!tolerated.Any(t => t.Kind == e.Kind && (t.Ip == "*" || t.Ip == e.Ip)))
                    problems.Add($"line {e.Line}: {e.Kind} {e.Ip ?? "(no ip)"} is not what the unsure entry tolerates");
                continue;
            }
            counted.Add(e);
        }
        foreach (var a in expected.Events)
        {
            if (!counted.Any(e => e.Line == a.Line && e.Kind == a.Kind && e.Ip == a.Ip))
                problems.Add($"line {a.Line}: expected {a.Kind} for {a.Ip ?? "(no ip)"}, found {Describe(counted.Where(e => e.Line == a.Line))}");
        }
        foreach (var e in counted.Where(e => !expected.Events.Any(a => a.Line == e.Line && a.Kind == e.Kind && a.Ip == e.Ip)))
            problems.Add($"line {e.Line}: invented {e.Kind} for {e.Ip ?? "(no ip)"}");
        Assert.True(problems.Count == 0, $"{name}:\n  " + string.Join("\n  ", problems));

        var perIp = counted.Where(e => e.Ip is not null).GroupBy(e => e.Ip!)
            .ToDictionary(g => g.Key, g => g.GroupBy(e => e.Kind).ToDictionary(k => k.Key, k => k.Count()));
        Assert.Equal(Canonical(expected.Ips), Canonical(perIp));
        Assert.Equal(expected.Unattributed, counted.Count(e => e.Ip is null));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_json_report_ranks_exactly_the_expected_attackers(string name)
    {
        var expected = Expected.Load(name);
        var (exit, stdout, stderr) = CliRunner.Run(["analyze", "--json", "--all", .. expected.Arguments]);
        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var offenders = json.RootElement.GetProperty("offenders").EnumerateArray().ToDictionary(
            o => o.GetProperty("ip").GetString()!,
            o => o.GetProperty("byKind").EnumerateObject().ToDictionary(k => k.Name, k => k.Value.GetInt32()));
        var unsureIps = expected.Unsure.Values.SelectMany(t => t).Where(t => t.Kind.IsAttackKind()).Select(t => t.Ip).ToHashSet();
        foreach (var ip in offenders.Keys.Where(unsureIps.Contains).ToList())
            offenders.Remove(ip);
        var attackers = expected.Ips
            .Select(p => (p.Key, Kinds: p.Value.Where(k => k.Key.IsAttackKind()).ToDictionary(k => k.Key, k => k.Value)))
            .Where(p => p.Kinds.Count > 0 && !IsLoopback(p.Key))
            .ToDictionary(p => p.Key, p => p.Kinds);
        Assert.Equal(Canonical(attackers), Canonical(offenders));
        var local = json.RootElement.GetProperty("local").EnumerateArray().ToDictionary(
            o => o.GetProperty("ip").GetString()!,
            o => o.GetProperty("byKind").EnumerateObject().ToDictionary(k => k.Name, k => k.Value.GetInt32()));
        Assert.Equal(Canonical(expected.Ips.Where(p => IsLoopback(p.Key)).ToDictionary()), Canonical(local));
        var unattributed = json.RootElement.GetProperty("totals").GetProperty("unattributed").GetInt64();
        var tolerated = expected.Unsure.Values.Count(t => t.Any(x => x.Ip is null || x.Ip == "*"));
        Assert.InRange(unattributed, expected.Unattributed, expected.Unattributed + tolerated);
    }

    private static bool IsLoopback(string ip) => ip.StartsWith("127.", StringComparison.Ordinal) || ip == "::1";

    private static string Canonical(Dictionary<string, Dictionary<string, int>> counts) =>
        string.Join("\n", counts.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + " " + string.Join(",", p.Value.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}={k.Value}"))));

    private static string Describe(IEnumerable<Event> events)
    {
        var list = events.Select(e => $"{e.Kind} {e.Ip ?? "(no ip)"}").ToList();
        return list.Count == 0 ? "nothing" : string.Join("; ", list);
    }

    private static List<Event> RunEvents(Expected expected)
    {
        var (exit, stdout, stderr) = CliRunner.Run(["analyze", "--events", .. expected.Arguments]);
        Assert.True(exit == 0, stderr);
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l =>
        {
            using var d = JsonDocument.Parse(l);
            var r = d.RootElement;
            return new Event(r.GetProperty("line").GetInt32(), r.GetProperty("kind").GetString()!, r.GetProperty("ip").GetString());
        }).ToList();
    }

    private sealed record Event(int Line, string Kind, string? Ip);

    private sealed record Tolerance(string Kind, string? Ip);

    private sealed record Expected(
        string[] Arguments, List<Event> Events, Dictionary<int, List<Tolerance>> Unsure,
        Dictionary<string, Dictionary<string, int>> Ips, int Unattributed)
    {
        public static Expected Load(string name)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(EngineHarness.DataPath("real-logs", "expected", name)));
            var root = doc.RootElement;
            var log = EngineHarness.DataPath("real-logs", root.GetProperty("file").GetString()!);
            string[] args = ["--year", root.GetProperty("year").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--tz", root.GetProperty("tz").GetString()!, log];
            var events = root.GetProperty("annotations").EnumerateArray()
                .Where(a => a.GetProperty("kind").GetString() is not ("none" or "unsure"))
                .Select(a => new Event(a.GetProperty("line").GetInt32(), a.GetProperty("kind").GetString()!, a.GetProperty("ip").GetString()))
                .ToList();
            var unsure = root.GetProperty("unsure").EnumerateArray().ToDictionary(
                u => u.GetProperty("line").GetInt32(),
                u => u.GetProperty("tolerate").EnumerateArray()
                    .Select(t => new Tolerance(t.GetProperty("kind").GetString()!, t.GetProperty("ip").GetString())).ToList());
            var ips = root.GetProperty("ips").EnumerateObject().ToDictionary(
                p => p.Name, p => p.Value.EnumerateObject().ToDictionary(k => k.Name, k => k.Value.GetInt32()));
            return new Expected(args, events, unsure, ips, root.GetProperty("unattributed").GetInt32());
        }
    }
}

internal static class KindNames
{
    public static bool IsAttackKind(this string name) => EventKinds.TryParse(name, out var kind) && kind.IsAttack();
}
