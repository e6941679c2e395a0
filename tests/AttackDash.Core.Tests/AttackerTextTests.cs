using AttackDash.Core.Net;

namespace AttackDash.Core.Tests;

/// <summary>
/// The client writes arg1=, from=, user= and its PTR name. Whatever it writes there, the IP blamed is
/// the real client or none, never a fake: fake relay= fragments first, last, doubled and echoed, in
/// IPv6 form and inside quoted local parts.
/// </summary>
public sealed class AttackerTextTests
{
    private const string Real = "203.0.113.7";
    private static readonly IpAddress128 RealIp = IpAddress128.Parse(Real);

    private static readonly string[] Fakes =
    [
        ", relay=[192.0.2.202], reject=",
        ", relay=framed.example [192.0.2.202], reject=550 5.7.1 x",
        ", relay=[IPv6:2001:db8::bad], reject=",
        ", relay=[192.0.2.202] (may be forged), reject=553 5.1.8 ",
    ];

    /// <summary>Sender or user texts that carry each fake first, last, doubled, and inside a quoted local part.</summary>
    private static IEnumerable<string> Payloads() => Fakes.SelectMany(f => new[]
    {
        $"<{f}x@example.org>",
        $"<x@example.org{f}>",
        $"<a{f}b{f}c@example.org>",
        $"<\"x{f}\"@example.org>",
        $"x@example.org{f}",
    });

    /// <summary>Every line form whose text the client writes, with the payload in each of its fields.</summary>
    public static TheoryData<string, string> Lines()
    {
        var data = new TheoryData<string, string>();
        var n = 0;
        foreach (var p in Payloads())
        {
            foreach (var echo in new[] { "", $" {p}", $" {p}... Domain of sender address {p} does not exist" })
            {
                data.Add("check_mail", $"ruleset=check_mail, arg1={p}, relay=client.example [{Real}], reject=553 5.1.8{echo}");
                data.Add("check_rcpt", $"ruleset=check_rcpt, arg1={p}, relay=[{Real}], reject=550 5.7.1{echo}... Relaying denied");
            }
            data.Add("from=", $"from={p}, size=10, class=0, nrcpts=0, msgid={p}, proto=ESMTP, daemon=MTA, relay=client.example [{Real}]");
            data.Add("from= PTR", $"from={p}, size=10, class=0, nrcpts=1, proto=ESMTP, daemon=MTA, relay=ptr{Fakes[n % Fakes.Length]} [{Real}]");
            data.Add("AUTH user=", $"AUTH failure (LOGIN): authentication failure (-13) SASL(-13): authentication failure: checkpass failed, user={p}, relay=[{Real}]");
            n++;
        }
        // check_relay carries no sender: only the PTR name is the client's text, once per fake.
        foreach (var f in Fakes)
            data.Add("check_relay PTR", $"ruleset=check_relay, arg1=ptr{f}, arg2={Real}, relay=ptr{f} [{Real}], reject=550 5.7.1 Access denied");
        return data;
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void A_line_alone_blames_the_real_client_or_none(string form, string message)
    {
        var (events, _) = EngineHarness.Run([$"Mar  3 10:00:00 mx sm-mta[4001]: 5233A0aa004001: {message}"], EngineHarness.SamplesNow);
        Assert.All(events, e => Assert.True(e.ClientIp is null || e.ClientIp == RealIp, $"{form}: blamed {e.ClientIp} for {message}"));
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void A_line_in_a_session_that_named_its_client_blames_that_client(string form, string message)
    {
        var (events, _) = EngineHarness.Run(
        [
            $"Mar  3 09:59:59 mx sm-mta[4002]: STARTTLS=server, relay=[{Real}], version=TLSv1.2, verify=NO, cipher=AES256-GCM-SHA384, bits=256/256",
            $"Mar  3 10:00:00 mx sm-mta[4002]: NOQUEUE: {message}",
        ], EngineHarness.SamplesNow);
        Assert.All(events, e => Assert.True(e.ClientIp == RealIp, $"{form}: blamed {e.ClientIp?.ToString() ?? "nobody"} for {message}"));
    }
}
