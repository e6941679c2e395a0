using AttackDash.Core.Events;
using AttackDash.Storage.Ingest;

namespace AttackDash.Ingestion;

/// <summary>
/// Keeps one batch in flight per store, and hands each write the one started before it: batches are
/// COPY'd at the same time but commit in the order they were read (see <see cref="EventStore"/>), so
/// every batch can carry its own checkpoint.
/// </summary>
internal sealed class WriteQueue(IReadOnlyList<EventStore> stores, int sourceId)
{
    private readonly Task<long>?[] _inFlight = new Task<long>?[stores.Count];
    private Task? _last;
    private long _newEvents;
    private int _next;

    public async Task StartAsync(List<MailEvent> events, long checkpoint, CancellationToken ct)
    {
        var slot = _next++ % stores.Count;
        if (_inFlight[slot] is { } busy)
            _newEvents += await busy;
        var write = stores[slot].WriteBatchAsync(sourceId, events, checkpoint, 0, _last, ct);
        _inFlight[slot] = write;
        _last = write;
    }

    /// <summary>Waits for every write, then records the final checkpoint (and the file size) in one more transaction.</summary>
    public async Task<long> FinishAsync(long checkpoint, long bytesSeen, CancellationToken ct)
    {
        for (var slot = 0; slot < _inFlight.Length; slot++)
        {
            if (_inFlight[slot] is { } write)
                _newEvents += await write;
            _inFlight[slot] = null;
        }
        _newEvents += await stores[0].WriteBatchAsync(sourceId, [], checkpoint, bytesSeen, ct: ct);
        return _newEvents;
    }
}
