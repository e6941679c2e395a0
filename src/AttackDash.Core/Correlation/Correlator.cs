using System.Runtime.CompilerServices;
using AttackDash.Core.Events;
using AttackDash.Core.Net;

namespace AttackDash.Core.Correlation;

/// <summary>
/// Joins a client IP into events whose line has none (User unknown). The IP comes from another line of
/// the same queue id (often the <c>from=…, nrcpts=0, relay=[ip]</c> line written at the end of the
/// transaction), failing that from any line of the same SMTP session. State is bounded by
/// <see cref="CorrelatorOptions.SessionIdle"/>; an event that finds no IP is passed on unattributed.
/// A line whose client is ambiguous (attacker text) names none, so it neither teaches a session its
/// client nor gets its own: it is joined like a User unknown line.
/// </summary>
public sealed class Correlator(CorrelatorOptions options, IEventSink sink)
{
    private readonly Dictionary<QueueKey, JoinState> _queues = [];
    private readonly Dictionary<SessionKey, JoinState> _sessions = [];
    private DateTimeOffset _now = DateTimeOffset.MinValue;
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public long Unattributed { get; private set; }

    /// <summary>Open queue ids and sessions: the correlation state that must stay bounded.</summary>
    public int OpenStates => _queues.Count + _sessions.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Accept(in ParsedLine line)
    {
        if (line.Time > _now)
            _now = line.Time;
        if (line.Client is { } c)
            Learn(line.Queue, line.Session, c, line.Time);
        if (line.Event is { } e)
            Route(line.Queue, line.Session, e, line.Time);
        if (_now >= _nextSweep)
        {
            Sweep(_now - options.SessionIdle);
            _nextSweep = _now + options.SweepInterval;
        }
    }

    /// <summary>The smallest line number of an event still waiting for its IP, or null: a checkpoint must not pass it.</summary>
    public long? EarliestPendingLine()
    {
        long? min = null;
        foreach (var state in _queues.Values.Concat(_sessions.Values))
        {
            if (state.Pending is not { Count: > 0 } pending)
                continue;
            var first = pending.Min(e => e.LineNumber);
            if (min is null || first < min)
                min = first;
        }
        return min;
    }

    /// <summary>Settles everything still waiting: call once at the end of the input.</summary>
    public void Complete() => Sweep(DateTimeOffset.MaxValue);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Learn(QueueKey? queueKey, SessionKey sessionKey, ClientInfo c, DateTimeOffset time)
    {
        var session = Touch(_sessions, sessionKey, time);
        session.SetClient(c.Ip, c.HostName, c.MayBeForged);
        if (queueKey is not { } key)
            return;
        var queue = Touch(_queues, key, time);
        queue.SetClient(c.Ip, c.HostName, c.MayBeForged);
        if (queue.TakePending() is { } pending)
        {
            foreach (var e in pending)
                sink.Add(queue.Attribute(e, IpOrigin.Queue));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Route(QueueKey? queueKey, SessionKey sessionKey, MailEvent e, DateTimeOffset time)
    {
        if (e.ClientIp is not null)
        {
            sink.Add(e);
            return;
        }
        if (queueKey is not { } key)
        {
            // No queue id (e.g. NOQUEUE): only the session can name the client. When it already has, on a
            // line that named it without doubt, that is the client; otherwise settle it at session end.
            var session = Touch(_sessions, sessionKey, time);
            if (session.Ip is not null)
                sink.Add(session.Attribute(e, IpOrigin.Session));
            else
                session.Hold(e);
            return;
        }
        var queue = Touch(_queues, key, time);
        Touch(_sessions, sessionKey, time);
        if (queue.Ip is not null)
            sink.Add(queue.Attribute(e, IpOrigin.Queue));
        else
            queue.Hold(e);
    }

    private void Sweep(DateTimeOffset idleBefore)
    {
        foreach (var (key, queue) in _queues)
        {
            if (queue.LastSeen >= idleBefore)
                continue;
            _queues.Remove(key);
            if (queue.TakePending() is { } pending)
                Touch(_sessions, key.Session, queue.LastSeen).HoldAll(pending);
        }
        foreach (var (key, session) in _sessions)
        {
            if (session.LastSeen >= idleBefore)
                continue;
            _sessions.Remove(key);
            if (session.TakePending() is not { } pending)
                continue;
            foreach (var e in pending)
            {
                if (session.Ip is null)
                    Unattributed++;
                sink.Add(session.Ip is null ? Unjoined(e) : session.Attribute(e, IpOrigin.Session));
            }
        }
    }

    private static MailEvent Unjoined(MailEvent e) => e with
    {
        IpOrigin = IpOrigin.None,
        NoIpReason = e.NoIpReason ?? "no line of its queue id or SMTP session named the client",
    };

    private static JoinState Touch<TKey>(Dictionary<TKey, JoinState> states, TKey key, DateTimeOffset time)
        where TKey : notnull
    {
        if (!states.TryGetValue(key, out var state))
        {
            state = new JoinState();
            states[key] = state;
        }
        if (time > state.LastSeen)
            state.LastSeen = time;
        return state;
    }
}

/// <summary>The client named by one line.</summary>
public readonly record struct ClientInfo(IpAddress128 Ip, string? HostName, bool MayBeForged);
