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
        var gen = CliRunner.Run(gzip ? [.. generate, "--gzip"] : generate);
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
