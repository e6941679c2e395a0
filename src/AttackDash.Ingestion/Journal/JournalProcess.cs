using System.Diagnostics;
using System.Threading.Channels;
using AttackDash.Core.Input;

namespace AttackDash.Ingestion.Journal;

/// <summary>What journalctl printed: an entry, or a line that is not one (kept for the malformed count).</summary>
internal readonly record struct JournalItem(JournalLine? Entry, byte[] Raw, bool Overlong);

/// <summary>
/// One run of <c>journalctl -o json</c>, its entries handed over through a bounded channel, so that a
/// follower can flush on time while journalctl is quiet and a slow store makes journalctl wait.
/// </summary>
internal sealed class JournalProcess : IDisposable
{
    private readonly Process _process;
    private readonly Channel<JournalItem> _items = Channel.CreateBounded<JournalItem>(new BoundedChannelOptions(10_000) { SingleReader = true, SingleWriter = true });
    private readonly Task<string> _stderr;

    private JournalProcess(Process process, int maxLineLength)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync();
        _ = Task.Factory.StartNew(() => Pump(maxLineLength), TaskCreationOptions.LongRunning);
    }

    public ChannelReader<JournalItem> Items => _items.Reader;

    public static JournalProcess Start(JournalOptions options, string? fromCursor, bool follow, int maxLineLength)
    {
        var start = new ProcessStartInfo(options.Command)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { "--output=json", "--all", "--no-pager", "--quiet", "--output-fields=MESSAGE,SYSLOG_IDENTIFIER,SYSLOG_PID,_PID,_HOSTNAME" })
            start.ArgumentList.Add(arg);
        if (options.Directory is { } directory)
            start.ArgumentList.Add($"--directory={directory}");
        if (fromCursor is not null)
            start.ArgumentList.Add($"--cursor={fromCursor}");
        if (follow)
            start.ArgumentList.Add("--follow");
        // --follow alone starts at the last ten entries.
        start.ArgumentList.Add("--no-tail");
        foreach (var match in options.Matches)
            start.ArgumentList.Add(match);
        try
        {
            return new JournalProcess(Process.Start(start)!, maxLineLength);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"cannot run {options.Command}: {e.Message} (is systemd's journalctl installed?)", e);
        }
    }

    /// <summary>After the channel completes: null when journalctl ended well, else its complaint.</summary>
    public async Task<string?> FailureAsync()
    {
        await _process.WaitForExitAsync();
        var stderr = (await _stderr).Trim();
        return _process.ExitCode == 0 ? null : $"journalctl exited with {_process.ExitCode}: {(stderr.Length == 0 ? "no message" : stderr.Split('\n')[^1])}";
    }

    private void Pump(int maxLineLength)
    {
        try
        {
            // A MESSAGE of n bytes takes up to 4n in JSON when journalctl writes it as an array of bytes.
            using var reader = new LineReader(_process.StandardOutput.BaseStream, maxLineLength * 4 + 4096);
            while (reader.TryReadLine(out var line, out var overlong))
            {
                var entry = overlong ? null : JournalJson.Parse(line);
                var item = new JournalItem(entry, entry is null ? line[..Math.Min(line.Length, 256)].ToArray() : [], overlong);
                if (!_items.Writer.WaitToWriteAsync().AsTask().GetAwaiter().GetResult() || !_items.Writer.TryWrite(item))
                    return;
            }
        }
        finally
        {
            _items.Writer.TryComplete();
        }
    }

    public void Dispose()
    {
        _items.Writer.TryComplete();
        if (!_process.HasExited)
            _process.Kill();
        _process.Dispose();
    }
}
