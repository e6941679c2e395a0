namespace AttackDash.Generation;

internal enum SessionKind
{
    Auth,
    Harvest,
    Relay,
    AccessDenied,
    Rbl,
    Sender,
    PtrReject,
    RateLimit,
    NoMail,
    Pregreet,
    Vrfy,
    Injection,
    SmtpAttack,
}

/// <summary>One attack session planned for a day: who, what, how many attack events, when.</summary>
internal readonly record struct PlannedSession(Attacker Attacker, SessionKind Kind, int Events, int Second);
