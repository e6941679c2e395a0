namespace AttackDash.Core.Events;

/// <summary>Receives the engine's events.</summary>
/// <remarks>
/// Called on one thread, roughly in log order: an event whose IP had to be joined in may arrive after
/// later events, but never before its IP is known or given up on. Must not throw for any event.
/// </remarks>
public interface IEventSink
{
    void Add(MailEvent mailEvent);
}
