namespace AttackDash.Core.Syslog;

/// <summary>Counts the New Year crossings in a sequence of year-less stamps, by the same rule as <see cref="YearInference"/>.</summary>
public sealed class RolloverCounter
{
    private int _previous = -1;

    public int Rollovers { get; private set; }

    public void Add(LogTimestamp stamp)
    {
        if (stamp.HasYear)
            return;
        var s = stamp.SecondOfYear;
        if (_previous >= 0 && _previous - s > YearInference.RolloverThresholdSeconds)
            Rollovers++;
        _previous = s;
    }
}
