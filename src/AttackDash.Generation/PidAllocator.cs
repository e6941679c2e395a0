namespace AttackDash.Generation;

/// <summary>
/// Hands out pids as a kernel does, ascending and wrapping, with 6 to 7 digits. Now and then it reuses
/// a pid whose session ended hours ago, as happens on a real host.
/// </summary>
internal sealed class PidAllocator(Random rng)
{
    private const int First = 20_000;
    private const int Last = 1_400_000;
    private readonly Queue<(int Pid, long FreeAt)> _retired = new();
    private int _next = First + rng.Next(0, 500_000);

    /// <param name="now">Seconds since the start of the log.</param>
    /// <param name="allowReuse">False for a session whose pid must stay unique.</param>
    public int Next(long now, bool allowReuse = true)
    {
        if (allowReuse && _retired.TryPeek(out var old) && old.FreeAt <= now && rng.NextDouble() < 0.05)
        {
            _retired.Dequeue();
            return old.Pid;
        }
        _next += rng.Next(1, 4);
        if (_next > Last)
            _next = First;
        return _next;
    }

    /// <summary>The session using <paramref name="pid"/> wrote its last line at <paramref name="end"/>; reuse it two hours later at the earliest.</summary>
    public void Retire(int pid, long end)
    {
        if (_retired.Count < 10_000)
            _retired.Enqueue((pid, end + 7_200));
    }

    public static string QueueId(Random rng, int pid)
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXabcdefghijklmnopqrstuvwx";
        Span<char> head = stackalloc char[8];
        for (var i = 0; i < head.Length; i++)
            head[i] = alphabet[rng.Next(alphabet.Length)];
        return string.Concat(head, pid.ToString("D6", System.Globalization.CultureInfo.InvariantCulture));
    }
}
