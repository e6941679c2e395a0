using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AttackDash.Storage.IntegrationTests;

/// <summary>
/// Real journal files, written by systemd's own systemd-journal-remote from its export format, so that
/// the real journalctl reads them, cursors and all: the machine has no journald to log into. Each call
/// appends to the same file, as journald appends to its own.
/// </summary>
internal static partial class JournalFiles
{
    private const string Remote = "/lib/systemd/systemd-journal-remote";

    /// <summary>
    /// The ISO-stamped syslog lines of a log ("2024-12-01T00:00:05+00:00 host tag[pid]: message") as journal
    /// entries, their message bytes as they were. Other lines (a log's noise) have no entry: journald stores only messages.
    /// </summary>
    public static IEnumerable<Entry> FromSyslog(string log)
    {
        // Latin-1 maps each byte to one char and back, so that invalid UTF-8 survives the regex.
        foreach (var line in File.ReadLines(log, Encoding.Latin1))
        {
            var m = SyslogLine().Match(line);
            if (m.Success && DateTimeOffset.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                yield return new Entry(time, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Success ? m.Groups[4].Value : null, Encoding.Latin1.GetBytes(m.Groups[5].Value));
        }
    }

    public static void Append(string directory, IEnumerable<Entry> entries)
    {
        var start = new ProcessStartInfo(Remote, ["-o", Path.Combine(directory, "remote.journal"), "-"])
        {
            RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using (var input = process.StandardInput.BaseStream)
            foreach (var entry in entries)
                entry.WriteExport(input);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr.Result);
    }

    public sealed record Entry(DateTimeOffset Time, string Host, string Tag, string? Pid, byte[] Message)
    {
        /// <summary>systemd's journal export format; MESSAGE in its binary form (name, 64-bit length, bytes) so that any byte passes.</summary>
        public void WriteExport(Stream output)
        {
            var micros = (Time - DateTimeOffset.UnixEpoch).Ticks / 10;
            var text = string.Create(CultureInfo.InvariantCulture,
                $"__REALTIME_TIMESTAMP={micros}\n__MONOTONIC_TIMESTAMP={micros}\n_BOOT_ID=0123456789abcdef0123456789abcdef\n_HOSTNAME={Host}\nSYSLOG_IDENTIFIER={Tag}\n{(Pid is null ? "" : $"_PID={Pid}\n")}");
            output.Write(Encoding.UTF8.GetBytes(text));
            output.Write("MESSAGE\n"u8);
            output.Write(BitConverter.GetBytes((ulong)Message.Length));
            output.Write(Message);
            output.Write("\n\n"u8);
        }
    }

    [GeneratedRegex(@"^(\S+) (\S+) ([^\[\s:]+)(?:\[(\d+)\])?: (.*)$")]
    private static partial Regex SyslogLine();
}
