using System.Diagnostics;

namespace AttackDash.Storage.Embedded;

/// <summary>Runs the PostgreSQL tools, as the unprivileged postgres user when we are root: the server refuses root.</summary>
internal sealed class ProcessRunner(string? runAsUser)
{
    public async Task<string> RunAsync(string file, IEnumerable<string> args, CancellationToken ct = default)
    {
        var start = new ProcessStartInfo(runAsUser is null ? file : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAsUser is not null)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(runAsUser);
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(file);
        }
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new PostgresUnavailableException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
            throw new PostgresUnavailableException($"{Path.GetFileName(file)} failed (exit {process.ExitCode}): {output.Trim()}");
        return output;
    }

    /// <summary>Gives a folder to the user the server runs as.</summary>
    public async Task GiveAsync(string path)
    {
        if (runAsUser is not null)
            await new ProcessRunner(null).RunAsync("chown", ["-R", $"{runAsUser}:{runAsUser}", path]);
    }
}
