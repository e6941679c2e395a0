using System.Globalization;

namespace AttackDash.Core.Reports;

public static class Trend
{
    /// <summary>A count against the previous period's, as people read it: "+12%", "-3%", "new" or "no change".</summary>
    public static string Change(long now, long before) =>
        before == 0
            ? (now == 0 ? "no change" : "new")
            : ((now - before) * 100.0 / before).ToString("+0'%';-0'%';0'%'", CultureInfo.InvariantCulture);
}
