using System.Runtime.CompilerServices;
namespace AttackDash.Core.Correlation;

/// <summary>One SMTP connection: sendmail forks a child per client, so (MTA host, pid) names it.</summary>
internal readonly record struct SessionKey(int HostId, int Pid);

/// <summary>One transaction. The queue id is packed losslessly into 128 bits so the hot path allocates nothing.</summary>
internal readonly record struct QueueKey(int HostId, int Pid, UInt128 QueueId)
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryCreate(int hostId, int pid, ReadOnlySpan<byte> queueId, out QueueKey key)
    {
        key = default;
        if (queueId.IsEmpty || queueId.Length > 21)
            return false;
        UInt128 packed = 0;
        foreach (var c in queueId)
        {
            // 1-based 6-bit digits, so ids of different lengths never collide.
            var digit = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0' + 1,
                >= (byte)'A' and <= (byte)'Z' => c - 'A' + 11,
                >= (byte)'a' and <= (byte)'z' => c - 'a' + 37,
                _ => -1,
            };
            if (digit < 0)
                return false;
            packed = (packed << 6) | (uint)digit;
        }
        key = new QueueKey(hostId, pid, packed);
        return true;
    }

    public SessionKey Session => new(HostId, Pid);
}
