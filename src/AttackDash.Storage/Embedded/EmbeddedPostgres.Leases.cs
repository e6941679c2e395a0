namespace AttackDash.Storage.Embedded;

/// <summary>
/// Who uses the cluster. The dashboard and `attackdash` commands share one folder, and either may
/// start the server first; each holds a lease file while it uses it, and the last to leave stops the
/// server, so a process that exits never takes the cluster from one still working. Leases of
/// processes that died (kill -9) are ignored. Starting, leaving and stopping happen under one lock.
/// </summary>
public sealed partial class EmbeddedPostgres
{
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(90);
    private string? _lease;

    private string LeaseFolder => Path.Combine(Root, "leases");

    /// <summary>An exclusive lock on the folder, across processes (flock) and within one.</summary>
    private async Task<FileStream> LockAsync(CancellationToken ct)
    {
        var path = Path.Combine(Root, "lock");
        var deadline = DateTimeOffset.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(50, ct);
            }
        }
    }

    private void TakeLease()
    {
        Directory.CreateDirectory(LeaseFolder);
        _lease = Path.Combine(LeaseFolder, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        File.WriteAllText(_lease, "");
    }

    /// <summary>Drops this instance's lease; true when no live process holds one any more.</summary>
    private bool LeaveAndCheckLast()
    {
        if (_lease is not null)
            File.Delete(_lease);
        _lease = null;
        if (!Directory.Exists(LeaseFolder))
            return true;
        var live = 0;
        foreach (var lease in Directory.GetFiles(LeaseFolder))
        {
            if (Alive(Path.GetFileName(lease)))
                live++;
            else
                File.Delete(lease);
        }
        return live == 0;
    }

    private static bool Alive(string lease) =>
        int.TryParse(lease.Split('-')[0], out var pid) && (pid == Environment.ProcessId || Directory.Exists($"/proc/{pid}") || !OperatingSystem.IsLinux() && Exists(pid));

    private static bool Exists(int pid)
    {
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
