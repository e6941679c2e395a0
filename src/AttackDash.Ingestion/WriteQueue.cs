using AttackDash.Core.Events;
using AttackDash.Storage.Ingest;

namespace AttackDash.Ingestion;

/// <summary>
/// Keeps one batch in flight per store. Batches may commit out of order, so a batch carries as its
/// checkpoint only what is already known committed: the checkpoint of the longest run of finished
/// batches. A crash can then never leave a checkpoint past an uncommitted batch.
/// </summary>
internal sealed class WriteQueue(IReadOnlyList<EventStore> stores, int sourceId, long startCheckpoint)
{
    private readonly Task<long>?[] _inFlight = new Task<long>?[stores.Count];
    private readonly List<(int Index, long Checkpoint, Task<long> Write)> _pending = [];
    private long _committedCheckpoint = startCheckpoint;
    private long _newEvents;
    private int _next;

    public async Task StartAsync(List<MailEvent> events, long checkpoint, CancellationToken ct)
    {
        var slot = _next % stores.Count;
        if (_inFlight[slot] is { } busy)
            await busy;
        Settle();
        var write = stores[slot].WriteBatchAsync(sourceId, events, _committedCheckpoint, 0, ct);
        _inFlight[slot] = write;
        _pending.Add((_next++, checkpoint, write));
    }

    /// <summary>Waits for every write, then records the final checkpoint (and the file size) in one more transaction.</summary>
    public async Task<long> FinishAsync(long checkpoint, long bytesSeen, CancellationToken ct)
    {
        await Task.WhenAll(_pending.Select(p => p.Write));
        Settle();
        _newEvents += await stores[0].WriteBatchAsync(sourceId, [], checkpoint, bytesSeen, ct);
        return _newEvents;
    }

    /// <summary>Moves the known-committed checkpoint over the finished batches at the head of the queue.</summary>
    private void Settle()
    {
        while (_pending.Count > 0 && _pending[0].Write.IsCompleted)
        {
            var (_, checkpoint, write) = _pending[0];
            _newEvents += write.GetAwaiter().GetResult();
            _committedCheckpoint = checkpoint;
            _pending.RemoveAt(0);
        }
    }
}
