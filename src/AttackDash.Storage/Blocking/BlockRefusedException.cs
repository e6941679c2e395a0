namespace AttackDash.Storage.Blocking;

/// <summary>A block or unblock that the rules refuse; the message is the reason, for the UI and the CLI.</summary>
public sealed class BlockRefusedException(string message) : Exception(message);
