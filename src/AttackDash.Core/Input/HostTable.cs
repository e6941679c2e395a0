using System.Runtime.CompilerServices;
using System.Text;

namespace AttackDash.Core.Input;

/// <summary>Interns MTA host names: a log names only a few, so a short list beats hashing every line.</summary>
internal sealed class HostTable
{
    private readonly List<(byte[] Bytes, string Name)> _hosts = [];
    private int _last = -1;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Intern(ReadOnlySpan<byte> host, out string name)
    {
        if (_last >= 0 && host.SequenceEqual(_hosts[_last].Bytes))
        {
            name = _hosts[_last].Name;
            return _last;
        }
        for (var i = 0; i < _hosts.Count; i++)
        {
            if (host.SequenceEqual(_hosts[i].Bytes))
            {
                _last = i;
                name = _hosts[i].Name;
                return i;
            }
        }
        name = Encoding.UTF8.GetString(host);
        _hosts.Add((host.ToArray(), name));
        _last = _hosts.Count - 1;
        return _last;
    }
}
