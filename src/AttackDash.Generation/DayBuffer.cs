using System.Globalization;

namespace AttackDash.Generation;

/// <summary>One day of lines, collected out of order and written sorted by time, so sessions interleave as on a real MTA.</summary>
internal sealed class DayBuffer(TextWriter output, GeneratorOptions options, TruthRecorder truth)
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private readonly List<(int Second, int Seq, string Program, int Pid, string Message)> _lines = [];
    private readonly List<string> _malformed = [];

    public DateTimeOffset Day { get; set; }

    public void Add(int second, string program, int pid, string message)
    {
        _lines.Add((Math.Clamp(second, 0, 86_399), _lines.Count, program, pid, message));
        if (program is "sendmail" || (program.StartsWith("sm-", StringComparison.Ordinal) && program != "sm-msp-queue"))
            truth.SendmailLines++;
        else
            truth.OtherLines++;
    }

    public void AddMalformed(string text)
    {
        _malformed.Add(text);
        truth.MalformedLines++;
    }

    public void Flush(Random rng)
    {
        _lines.Sort((a, b) => a.Second != b.Second ? a.Second.CompareTo(b.Second) : a.Seq.CompareTo(b.Seq));
        var malformedAt = _malformed.Select(_ => rng.Next(_lines.Count + 1)).Order().ToList();
        var m = 0;
        for (var i = 0; i <= _lines.Count; i++)
        {
            while (m < malformedAt.Count && malformedAt[m] == i)
            {
                output.Write(_malformed[m++]);
                output.Write('\n');
            }
            if (i == _lines.Count)
                break;
            var (second, _, program, pid, message) = _lines[i];
            var time = Day.AddSeconds(second);
            truth.SeeLine(time);
            output.Write(Stamp(time));
            output.Write(' ');
            output.Write(options.MtaHost);
            output.Write(' ');
            output.Write(program);
            output.Write('[');
            output.Write(pid.ToString(CultureInfo.InvariantCulture));
            output.Write("]: ");
            output.Write(message);
            output.Write('\n');
        }
        _lines.Clear();
        _malformed.Clear();
    }

    private string Stamp(DateTimeOffset t) => options.Format == LogFormat.Iso
        ? t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Months[t.Month - 1]} {t.Day,2} {t.Hour:D2}:{t.Minute:D2}:{t.Second:D2}");
}
