namespace AttackDash.Core.Syslog;

/// <summary>Counts the New Year crossings in a sequence of year-less stamps, by the same rule as <see cref="YearInference"/>.</summary>
public sealed class RolloverCounter
{
    private int _previousMonth;

    public int Rollovers { get; private set; }

    public void Add(LogTimestamp stamp)
    {
        if (stamp.HasYear)
            return;
        if (YearInference.IsRollover(_previousMonth, stamp.Month))
            Rollovers++;
        _previousMonth = stamp.Month;
    }
}
