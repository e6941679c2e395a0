using AttackDash.Core.Analysis;
using AttackDash.Core.Events;

namespace AttackDash.Generation;

/// <summary>Writes one planned attack session as sendmail would log it, and records each event in the truth.</summary>
internal sealed class AttackRenderer(Random rng, DayBuffer day, TruthRecorder truth, PidAllocator pids, Vocabulary words)
{
    private int _second;
    private int _pid;
    private string _program = "sm-mta";

    public void Render(PlannedSession s, long dayStartSecond)
    {
        var a = s.Attacker;
        _second = s.Second;
        _pid = pids.Next(dayStartSecond + _second);
        _program = rng.NextDouble() < 0.1 ? "sm-acceptingconnections" : "sm-mta";
        var qid = PidAllocator.QueueId(rng, _pid);
        for (var i = 0; i < s.Events; i++)
            RenderOne(s.Kind, a, qid, i, s.Events);
        if (s.Kind is SessionKind.Harvest or SessionKind.Relay)
            EndTransaction(a, qid);
        pids.Retire(_pid, dayStartSecond + _second);
    }

    private void RenderOne(SessionKind kind, Attacker a, string qid, int i, int n)
    {
        var ip = a.Ip.ToString();
        switch (kind)
        {
            case SessionKind.Auth when a.Tier == Tier.Giant && i == n - 1 && n >= 6:
                Line(EventKind.SmtpAttack, a, $"{qid}: {a.Client}: possible SMTP attack: command=AUTH, count={n - 1}");
                break;
            case SessionKind.Auth:
                var user = words.UserFor(a);
                Line(EventKind.AuthFailure, a, $"{qid}: AUTH failure ({words.Mechanism()}): authentication failure (-13) SASL(-13): authentication failure: checkpass failed, user={user}, relay={a.Client}", user);
                break;
            case SessionKind.Harvest:
                var status = rng.NextDouble() < 0.3 ? "No such user here" : "User unknown";
                Line(EventKind.UserUnknown, a, $"{qid}: <{words.LocalPart()}@{words.OurDomain}>... {status}");
                break;
            case SessionKind.Relay:
                var rcpt = $"{words.LocalPart()}@{words.ForeignDomain()}";
                Line(EventKind.RelayDenied, a, $"{qid}: ruleset=check_rcpt, arg1=<{rcpt}>, relay={a.Client}, reject=550 5.7.1 <{rcpt}>... Relaying denied. Proper authentication required.");
                break;
            case SessionKind.AccessDenied:
                NewConnection();
                var prefix = rng.NextDouble() < 0.5 ? "NOQUEUE: " : "";
                Line(EventKind.AccessDenied, a, $"{prefix}ruleset=check_relay, arg1={a.Ptr ?? $"[{ip}]"}, arg2={ip}, relay={a.Client}, reject=550 5.7.1 Access denied");
                break;
            case SessionKind.RateLimit:
                NewConnection();
                Line(EventKind.RateLimited, a, $"ruleset=check_relay, arg1={a.Ptr ?? $"[{ip}]"}, arg2={ip}, relay={a.Client}, reject=421 4.3.2 Connection rate limit exceeded.");
                break;
            case SessionKind.Rbl:
                var to = $"{words.LocalPart()}@{words.OurDomain}";
                Line(EventKind.RblRejected, a, $"{qid}: ruleset=check_rcpt, arg1=<{to}>, relay={a.Client}, reject=550 5.7.1 <{to}>... Rejected: {ip} listed at zen.spamhaus.org");
                break;
            case SessionKind.Sender:
                var from = $"{words.LocalPart()}@{words.BogusDomain()}";
                Line(EventKind.SenderRejected, a, $"{qid}: ruleset=check_mail, arg1=<{from}>, relay={a.Client}, reject=553 5.1.8 <{from}>... Domain of sender address {from} does not exist");
                break;
            case SessionKind.PtrReject:
                var victim = $"{words.LocalPart()}@{words.OurDomain}";
                Line(EventKind.Rejected, a, $"{qid}: ruleset=check_rcpt, arg1=<{victim}>, relay={a.Client}, reject=550 5.7.1 <{victim}>... Fix reverse DNS for {ip}");
                break;
            case SessionKind.NoMail:
                Line(EventKind.NoMail, a, $"{qid}: {a.Client} did not issue MAIL/EXPN/VRFY/ETRN during connection to MTA");
                break;
            case SessionKind.Pregreet:
                Line(EventKind.Pregreet, a, $"{qid}: rejecting commands from {a.Client} due to pre-greeting traffic after 0 seconds");
                break;
            case SessionKind.Vrfy:
                Line(EventKind.VrfyExpn, a, $"{qid}: {a.Client}: {(rng.NextDouble() < 0.5 ? "VRFY" : "EXPN")} {words.LocalPart()} [rejected]");
                break;
            case SessionKind.Injection:
                var payload = $"<{words.Payload(ip)}>";
                Line(EventKind.Injection, a, $"{qid}: ruleset=check_mail, arg1={payload}, relay={a.Client}, reject=553 5.1.8 {payload}... Domain of sender address {payload[1..^1]} does not exist", payload: payload);
                break;
            case SessionKind.SmtpAttack:
                Line(EventKind.SmtpAttack, a, $"{qid}: {a.Client}: possible SMTP attack: command=AUTH, count={rng.Next(5, 9)}");
                break;
        }
    }

    /// <summary>The from= line (or a dropped connection) that closes a harvesting or relaying transaction: the IP for the join.</summary>
    private void EndTransaction(Attacker a, string qid)
    {
        Advance();
        if (rng.NextDouble() < 0.2)
        {
            Record(EventKind.LostInput, a);
            day.Add(_second, _program, _pid, $"{qid}: lost input channel from {a.Client} to MTA after rcpt");
            return;
        }
        day.Add(_second, _program, _pid, $"{qid}: from=<{words.LocalPart()}@{words.ForeignDomain()}>, size=0, class=0, nrcpts=0, proto=ESMTP, daemon=MTA, relay={a.Client}");
    }

    private void Line(EventKind kind, Attacker a, string message, string? user = null, string? payload = null)
    {
        Advance();
        Emit(kind, a, message, user, payload);
    }

    private void Emit(EventKind kind, Attacker a, string message, string? user = null, string? payload = null)
    {
        Record(kind, a, user, payload);
        day.Add(_second, _program, _pid, message);
    }

    private void Record(EventKind kind, Attacker a, string? user = null, string? payload = null)
    {
        truth.Event(kind, a.Ip, day.Day.AddSeconds(Math.Clamp(_second, 0, 86_399)), a.Forged, user, payload);
    }

    /// <summary>One attempt of a campaign: its own connection, at a time the campaign chose.</summary>
    public void RenderCampaignAttempt(Attacker a, string user, int second, long dayStart)
    {
        _second = second;
        _pid = pids.Next(dayStart + second);
        _program = "sm-mta";
        var qid = PidAllocator.QueueId(rng, _pid);
        Emit(EventKind.AuthFailure, a, $"{qid}: AUTH failure ({words.Mechanism()}): authentication failure (-13) SASL(-13): authentication failure: checkpass failed, user={user}, relay={a.Client}", user);
        pids.Retire(_pid, dayStart + second);
    }

    public DateTimeOffset TimeOf(int second) => day.Day.AddSeconds(Math.Clamp(second, 0, 86_399));

    public void RecordCampaign(Campaign campaign) => truth.Campaigns.Add(campaign);

    private void NewConnection() => _pid = pids.Next(0, allowReuse: false);

    private void Advance() => _second += rng.Next(1, 6);
}
