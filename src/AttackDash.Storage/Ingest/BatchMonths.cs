using AttackDash.Core.Events;

namespace AttackDash.Storage.Ingest;

/// <summary>
/// One pass over a batch: its events split by month partition, and its line range. Logs arrive in
/// time order, so the month is worked out again only when an event falls outside the current one;
/// doing it for every event cost more than all the other per-batch bookkeeping together.
/// </summary>
internal sealed class BatchMonths
{
    private readonly Dictionary<DateOnly, List<MailEvent>> _byMonth = [];

    public BatchMonths(IReadOnlyList<MailEvent> events)
    {
        MinLine = long.MaxValue;
        List<MailEvent>? current = null;
        long start = 0, end = 0;
        foreach (var e in events)
        {
            MinLine = Math.Min(MinLine, e.LineNumber);
            MaxLine = Math.Max(MaxLine, e.LineNumber);
            var ticks = e.Time.UtcTicks;
            if (current is null || ticks < start || ticks >= end)
            {
                var month = MonthOf(e.Time);
                start = month.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks;
                end = month.AddMonths(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks;
                if (!_byMonth.TryGetValue(month, out current))
                    _byMonth[month] = current = [];
            }
            current.Add(e);
        }
    }

    /// <summary>The smallest line number, or <see cref="long.MaxValue"/> for an empty batch.</summary>
    public long MinLine { get; }

    /// <summary>The largest line number, or 0 for an empty batch.</summary>
    public long MaxLine { get; }

    public IReadOnlyDictionary<DateOnly, List<MailEvent>> ByMonth => _byMonth;

    private static DateOnly MonthOf(DateTimeOffset t) => new(t.UtcDateTime.Year, t.UtcDateTime.Month, 1);
}
