using AttackDash.Core.Events;

namespace AttackDash.Storage.Ingest;

internal static class EventKindSql
{
    /// <summary>"(0,1,…)": the attack kinds as stored (smallint), for SQL filters.</summary>
    public static string AttackKinds { get; } = "(" + string.Join(',', EventKinds.All.Where(k => k.IsAttack()).Select(k => (int)k)) + ")";

    public static string SuccessKinds { get; } = "(" + string.Join(',', EventKinds.All.Where(k => k.IsSuccess()).Select(k => (int)k)) + ")";
}
