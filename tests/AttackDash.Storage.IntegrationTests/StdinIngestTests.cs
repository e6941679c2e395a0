using System.Diagnostics;
using System.Globalization;

namespace AttackDash.Storage.IntegrationTests;

/// <summary>A journald-only host pipes its log in: `journalctl … | attackdash ingest -`, once, and again without doubling.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StdinIngestTests(PostgresFixture pg)
{
    [Fact]
    public async Task Ingest_reads_stdin_once_and_the_same_output_piped_again_adds_nothing()
    {
        var cs = await pg.NewDatabaseAsync();
        // journalctl -o short-iso: a zone-qualified ISO stamp, then host and tag.
        var output = string.Join('\n', Enumerable.Range(0, 40).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"2025-06-03T10:{i:D2}:00+0000 mx sm-mta[{100 + i}]: [62.233.50.{1 + (i % 4)}]: possible SMTP attack: command=AUTH, count=5"))) + "\n";
        Assert.Contains("40 lines, 40 new events", await PipeAsync(cs, output), StringComparison.Ordinal);
        Assert.Contains("stdin: already ingested", await PipeAsync(cs, output), StringComparison.Ordinal);
        Assert.Equal(40, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events"));
        Assert.Equal(2, TestCli.Run(cs, "ingest", "--follow", "-").Exit);
    }

    /// <summary>The real binary in its own process, with <paramref name="input"/> on its stdin.</summary>
    private static async Task<string> PipeAsync(string connectionString, string input)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "attackdash.dll"), "ingest", "-"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__AttackDash"] = connectionString;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, stderr);
        return stdout;
    }
}
