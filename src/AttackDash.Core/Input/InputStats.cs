namespace AttackDash.Core.Input;

/// <summary>Line counts of one run. Every line is counted exactly once: sendmail, other or malformed.</summary>
public sealed class InputStats
{
    public const int MalformedSampleSize = 10;

    private readonly List<string> _malformedSample = [];

    public long Lines { get; private set; }
    public long SendmailLines { get; private set; }
    public long OtherLines { get; private set; }
    public long MalformedLines { get; private set; }

    /// <summary>Earliest and latest time of any readable line.</summary>
    public DateTimeOffset? First { get; private set; }

    public DateTimeOffset? Last { get; private set; }

    public void SeeTime(DateTimeOffset time)
    {
        if (First is not { } f || time < f)
            First = time;
        if (Last is not { } l || time > l)
            Last = time;
    }

    /// <summary>"file:line" of the first malformed lines.</summary>
    public IReadOnlyList<string> MalformedSample => _malformedSample;

    /// <summary>Counts recorded elsewhere (the store's sources), for a report built from them.</summary>
    public static InputStats From(long lines, long sendmail, long other, long malformed, DateTimeOffset? first, DateTimeOffset? last) =>
        new() { Lines = lines, SendmailLines = sendmail, OtherLines = other, MalformedLines = malformed, First = first, Last = last };

    public void CountSendmail()
    {
        Lines++;
        SendmailLines++;
    }

    public void CountOther()
    {
        Lines++;
        OtherLines++;
    }

    public void CountMalformed(string source, long lineNumber, string why)
    {
        Lines++;
        MalformedLines++;
        if (_malformedSample.Count < MalformedSampleSize)
            _malformedSample.Add($"{source}:{lineNumber}: {why}");
    }
}
