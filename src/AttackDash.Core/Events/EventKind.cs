namespace AttackDash.Core.Events;

/// <summary>What one sendmail log line (or a joined group of lines) tells about a client.</summary>
public enum EventKind : byte
{
    AuthFailure,
    SmtpAttack,
    AccessDenied,
    RelayDenied,
    UserUnknown,
    SenderRejected,
    RblRejected,
    Injection,
    RateLimited,
    VrfyExpn,
    Rejected,
    NoMail,
    Pregreet,
    LostInput,
    AuthSuccess,
    MessageAccepted,
}

public static class EventKinds
{
    public const int Count = (int)EventKind.MessageAccepted + 1;

    private static readonly string[] Names =
    [
        "auth_failure", "smtp_attack", "access_denied", "relay_denied", "user_unknown", "sender_rejected",
        "rbl_rejected", "injection", "rate_limited", "vrfy_expn", "rejected", "no_mail", "pregreet",
        "lost_input", "auth_success", "message_accepted",
    ];

    public static IReadOnlyList<EventKind> All { get; } = Enum.GetValues<EventKind>();

    /// <summary>The wire name used in JSON, the database and the CLI, e.g. <c>auth_failure</c>.</summary>
    public static string Name(this EventKind kind) => Names[(int)kind];

    /// <summary>Everything but the three kinds that record ordinary client activity.</summary>
    public static bool IsAttack(this EventKind kind) =>
        kind is not (EventKind.LostInput or EventKind.AuthSuccess or EventKind.MessageAccepted);

    /// <summary>A successful login or an accepted message: evidence of a compromise when the IP also attacked.</summary>
    public static bool IsSuccess(this EventKind kind) => kind is EventKind.AuthSuccess or EventKind.MessageAccepted;

    public static bool TryParse(string name, out EventKind kind)
    {
        var i = Array.IndexOf(Names, name);
        kind = (EventKind)Math.Max(i, 0);
        return i >= 0;
    }
}
