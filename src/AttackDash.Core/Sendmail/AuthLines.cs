using System.Runtime.CompilerServices;
using AttackDash.Core.Events;

namespace AttackDash.Core.Sendmail;

internal static class AuthLines
{
    /// <summary>
    /// <c>AUTH failure (MECH): text, user=U, relay=R</c>. The user name is the client's own text and may
    /// contain ", relay=[fake]", so the relay is read from the end of the line (sendmail's srvrsmtp.c writes
    /// it last) and the user is everything between "user=" and that last relay.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ReadFailure(ref SendmailLine line)
    {
        var body = line.Body;
        line.Kind = EventKind.AuthFailure;
        if (ClientSpec.TryParseLast(body, out var client, out var relayAt))
        {
            line.SetClient(client);
        }
        else
        {
            relayAt = body.LastIndexOf(", relay="u8);
            if (relayAt < 0)
                relayAt = body.Length;
        }
        var userAt = body[..relayAt].IndexOf(", user="u8);
        if (userAt < 0)
            return;
        line.User = body[(userAt + 7)..relayAt];
        if (InjectionDetector.IsInjection(line.User))
        {
            line.Kind = EventKind.Injection;
            line.Argument = line.User;
        }
    }

    /// <summary><c>AUTH=server, relay=R, authid=U, mech=M, bits=N</c>: the relay comes first, written by sendmail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ReadSuccess(ref SendmailLine line)
    {
        var body = line.Body;
        const int relayStart = 19;
        if (!ClientSpec.TryParse(body[relayStart..], out var client))
            return;
        line.Kind = EventKind.AuthSuccess;
        line.SetClient(client);
        var rest = body[(relayStart + client.Length)..];
        if (!rest.StartsWith(", authid="u8))
            return;
        rest = rest[9..];
        var mechAt = rest.LastIndexOf(", mech="u8);
        line.User = mechAt < 0 ? rest : rest[..mechAt];
    }
}
