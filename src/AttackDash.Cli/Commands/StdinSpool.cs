using AttackDash.Core.Input;

namespace AttackDash.Cli.Commands;

/// <summary>
/// `ingest -`: stdin copied to a private temporary file, so that the store's checkpoints have a file
/// to count lines in. A log is named by its first line, so piping the same output twice adds nothing;
/// feed non-overlapping windows (journalctl --since/--until), since another first line is another log.
/// </summary>
internal sealed class StdinSpool : IAsyncDisposable
{
    private StdinSpool(string path) => Path = path;

    public string Path { get; }

    public static async Task<StdinSpool> CopyAsync(CancellationToken ct = default)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"attackdash-stdin-{Guid.NewGuid():N}.log");
        await using (var file = PrivateFile.Create(path))
        await using (var stdin = Console.OpenStandardInput())
            await stdin.CopyToAsync(file, ct);
        return new StdinSpool(path);
    }

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}
