using AttackDash.Core.Events;

namespace AttackDash.Ingestion;

/// <summary>Collects events, dropping those of lines already committed.</summary>
internal sealed class BatchSink(long committedThrough) : IEventSink
{
    private readonly long[] _byKind = new long[EventKinds.Count];
    private List<MailEvent> _events = [];

    public int Count => _events.Count;

    public void Add(MailEvent mailEvent)
    {
        if (mailEvent.LineNumber <= committedThrough)
            return;
        _events.Add(mailEvent);
        _byKind[(int)mailEvent.Kind]++;
    }

    public List<MailEvent> Take()
    {
        var taken = _events;
        _events = [];
        return taken;
    }

    public Dictionary<string, long> ByKind() =>
        EventKinds.All.Where(k => _byKind[(int)k] > 0).ToDictionary(k => k.Name(), k => _byKind[(int)k]);
}
