using System.Text;

namespace AttackDash.Cli;

/// <summary>
/// stderr as journald reads it: every line starts with "&lt;4&gt;", which journald's SyslogLevelPrefix=
/// (on by default) turns into the warning priority. Then `journalctl -p warning` shows what the
/// command complained about (a database outage, a follower restarting) while stdout stays at info.
/// Not thread-safe by itself: wrap it in <see cref="TextWriter.Synchronized"/>.
/// </summary>
internal sealed class JournalPriorityWriter(TextWriter inner) : TextWriter
{
    private bool _atLineStart = true;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (_atLineStart)
            inner.Write("<4>");
        inner.Write(value);
        _atLineStart = value == '\n';
    }

    // stderr carries a few lines an hour: character by character is fast enough and keeps one rule.
    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
            Write(c);
    }

    public override void Flush() => inner.Flush();

    /// <summary>
    /// The process's stderr: prefixed when systemd connected the service's output to the journal, which it says
    /// in JOURNAL_STREAM (systemd.exec(5)); elsewhere as it is.
    /// </summary>
    public static TextWriter ForStandardError() =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JOURNAL_STREAM"))
            ? Console.Error
            : Synchronized(new JournalPriorityWriter(Console.Error));
}
