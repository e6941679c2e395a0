using System.Diagnostics;
using AttackDash.Core.Input;

namespace AttackDash.Core.Tests;

/// <summary>Concatenated gzip members (as some rotators write, and as <c>gzip -t</c> accepts) are one file, read whole.</summary>
public sealed class MultiMemberGzipTests
{
    private static string Lines(int from, int count) => string.Concat(Enumerable.Range(from, count).Select(i =>
        $"Mar  3 10:{i / 60 % 60:D2}:{i % 60:D2} mx sm-mta[{i}]: [192.0.2.{i % 250}]: possible SMTP attack: command=AUTH, count=3\n"));

    /// <summary>Writes the parts as separate gzip members, compressed by the real gzip tool, one after the other.</summary>
    private static string WriteMembers(TempDir dir, params string[] parts)
    {
        var path = dir.File("maillog.2.gz");
        using var output = File.Create(path);
        foreach (var part in parts)
        {
            var start = new ProcessStartInfo("gzip", "-c") { RedirectStandardInput = true, RedirectStandardOutput = true };
            using var gzip = Process.Start(start)!;
            var copy = gzip.StandardOutput.BaseStream.CopyToAsync(output);
            gzip.StandardInput.Write(part);
            gzip.StandardInput.Close();
            copy.Wait();
            gzip.WaitForExit();
        }
        return path;
    }

    private static (int Events, string Warnings) Read(string path)
    {
        var sink = new ListSink();
        var warnings = new StringWriter();
        new LogRunner(new ReadOptions { Zone = TimeZoneInfo.Utc, ReferenceTime = EngineHarness.SamplesNow }, warnings).Run([path], new LogEngine(sink));
        return (sink.Events.Count, warnings.ToString());
    }

    [Fact]
    public void Three_members_are_read_whole_with_no_cut_short_warning()
    {
        using var dir = new TempDir();
        var path = WriteMembers(dir, Lines(0, 3000), Lines(3000, 10), Lines(3010, 5000));
        using (var test = Process.Start("gzip", ["-t", path]))
        {
            test.WaitForExit();
            Assert.Equal(0, test.ExitCode);
        }
        var (events, warnings) = Read(path);
        Assert.Equal(8010, events);
        Assert.Equal("", warnings);
    }

    [Fact]
    public void A_multi_member_file_cut_in_its_last_member_still_warns()
    {
        using var dir = new TempDir();
        var path = WriteMembers(dir, Lines(0, 3000), Lines(3000, 20_000));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 5000)]);
        var (events, warnings) = Read(path);
        Assert.InRange(events, 3000, 22_999);
        Assert.Contains("input ends early", warnings, StringComparison.Ordinal);
    }
}
