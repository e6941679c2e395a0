using System.Collections;
using AttackDash.Core.Net;

namespace AttackDash.Core.Analysis;

/// <summary>
/// The report's offenders, made one at a time from the tallies as they are read: with <c>--all</c> a
/// provider's 600,000 rows stream into the JSON writer instead of living in memory all at once.
/// </summary>
internal sealed class RankedOffenders(IReadOnlyList<IpAddress128> ranked, IpTallies tallies) : IReadOnlyList<Offender>
{
    public int Count => ranked.Count;

    public Offender this[int index] => tallies.ToOffender(ranked[index]);

    public IEnumerator<Offender> GetEnumerator()
    {
        for (var i = 0; i < ranked.Count; i++)
            yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
