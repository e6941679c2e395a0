using System.Text.Json;
using System.Text.Json.Nodes;

namespace AttackDash.Core.Tests;

/// <summary>analyze on the generator's output reproduces the generator's ground truth exactly.</summary>
public sealed class GroundTruthTests
{
    [Theory]
    [InlineData(1, "bsd", false, 365)]
    [InlineData(7, "iso", false, 30)]
    [InlineData(42, "bsd", true, 800)]
    public void Analyze_reproduces_the_ground_truth(int seed, string format, bool gzip, int days)
    {
        using var dir = new TempDir();
        var log = dir.File(gzip ? "maillog.gz" : "maillog");
        string[] generate = ["generate", "--out", log, "--lines", "60000", "--days", $"{days}", "--seed", $"{seed}", "--format", format];
        AssertReproduced(log, gzip ? [.. generate, "--gzip"] : generate);
    }

    [Fact]
    public void Analyze_reproduces_the_ground_truth_of_a_provider_shaped_botnet()
    {
        using var dir = new TempDir();
        var log = dir.File("maillog");
        var truth = AssertReproduced(log, ["generate", "--out", log, "--lines", "200000", "--attacker-ips", "12000"]);
        var counts = truth["offenders"]!.AsArray().Select(o => (long)o!["events"]!).ToList();
        // The provider's shape: most IPs at one or two events, a few tenths of a percent at 100 or more, three giants.
        Assert.InRange(counts.Count, 12_000, 13_000);
        Assert.InRange(counts.Count(c => c <= 2) / (double)counts.Count, 0.5, 0.9);
        Assert.InRange(counts.Count(c => c >= 100) / (double)counts.Count, 0.002, 0.008);
        Assert.True(counts[2] > 10 * counts[3], "three giants well above the rest");

        // A top 20 is the head of the full ranking, ties broken the same way.
        var top = JsonNode.Parse(CliRunner.Run("analyze", "--json", "--top", "20", "--tz", "UTC", log).Stdout)!["offenders"]!.AsArray();
        Assert.Equal(truth["offenders"]!.AsArray().Take(20).Select(o => o!.ToJsonString()), top.Select(o => o!.ToJsonString()));
    }

    [Fact]
    public void A_botnet_too_large_for_the_lines_is_refused_with_the_lines_it_needs()
    {
        using var dir = new TempDir();
        var run = CliRunner.Run("generate", "--out", dir.File("m"), "--lines", "1000", "--attacker-ips", "5000");
        Assert.Equal(2, run.Exit);
        Assert.Contains("needs at least --lines 80000", run.Stderr);
    }

    private static JsonNode AssertReproduced(string log, string[] generate)
    {
        var gen = CliRunner.Run(generate);
        Assert.Equal(0, gen.Exit);
        var truth = JsonNode.Parse(File.ReadAllText(log + ".truth.json"))!;

        var run = CliRunner.Run("analyze", "--json", "--all", "--tz", "UTC", log);
        Assert.Equal(0, run.Exit);
        var report = JsonNode.Parse(run.Stdout)!;

        Assert.Equal("attackdash.analyze/1", (string?)report["schema"]);
        Assert.Equal((long)truth["lines"]!, (long)report["input"]!["lines"]!);
        Assert.Equal((long)truth["sendmailLines"]!, (long)report["input"]!["sendmailLines"]!);
        Assert.Equal((long)truth["otherLines"]!, (long)report["input"]!["otherLines"]!);
        Assert.Equal((long)truth["malformedLines"]!, (long)report["input"]!["malformedLines"]!);
        foreach (var key in new[] { "period", "totals", "attackEvents", "uniqueAttackerIps", "offenders", "injections", "possibleCompromises", "campaigns" })
            AssertSameJson(truth[key], report[key], key);
        Assert.True((long)truth["uniqueAttackerIps"]! > 150, "the generator should produce a real population");
        Assert.NotEmpty(truth["campaigns"]!.AsArray());
        Assert.NotEmpty(truth["possibleCompromises"]!.AsArray());
        Assert.True((long)truth["totals"]!["unattributed"]! > 0);
        return truth;
    }

    [Fact]
    public void Same_seed_gives_the_same_bytes()
    {
        using var dir = new TempDir();
        CliRunner.Run("generate", "--out", dir.File("a"), "--lines", "5000", "--seed", "3");
        CliRunner.Run("generate", "--out", dir.File("b"), "--lines", "5000", "--seed", "3");
        CliRunner.Run("generate", "--out", dir.File("c"), "--lines", "5000", "--seed", "4");
        Assert.Equal(File.ReadAllBytes(dir.File("a")), File.ReadAllBytes(dir.File("b")));
        Assert.NotEqual(File.ReadAllBytes(dir.File("a")), File.ReadAllBytes(dir.File("c")));
    }

    private static void AssertSameJson(JsonNode? expected, JsonNode? actual, string key)
    {
        var e = expected?.ToJsonString() ?? "null";
        var a = actual?.ToJsonString() ?? "null";
        if (e == a)
            return;
        // Show the first differing element rather than two huge documents.
        if (expected is JsonArray ea && actual is JsonArray aa)
        {
            Assert.True(ea.Count == aa.Count, $"{key}: {aa.Count} items, truth has {ea.Count}");
            for (var i = 0; i < ea.Count; i++)
                Assert.True(JsonNode.DeepEquals(ea[i], aa[i]), $"{key}[{i}]: got {aa[i]?.ToJsonString()}, truth {ea[i]?.ToJsonString()}");
        }
        Assert.Fail($"{key}: got {a[..Math.Min(a.Length, 500)]}, truth {e[..Math.Min(e.Length, 500)]}");
    }
}
