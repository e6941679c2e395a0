using AttackDash.Core.Events;
using AttackDash.Core.Net;

namespace AttackDash.Generation;

/// <summary>Everything that is not an attack: deliveries, submissions, local mail, other programs, broken lines.</summary>
internal sealed class TrafficRenderer(Random rng, DayBuffer day, TruthRecorder truth, PidAllocator pids, Vocabulary words, Population population)
{
    private static readonly string[] Garbage =
        ["", "-- MARK --", "Feb  3 12:0", "\u0001\u0002binary junk\u00ff", "<13>garbled", "Jun 31 99:99:99 host x: bad time"];

    public void Inbound(long dayStart)
    {
        var i = rng.Next(population.LegitMtas.Count);
        var ip = population.LegitMtas[i];
        var client = Attacker.ClientText(ip, $"mail.{words.Partner(i)}", forged: false);
        var second = rng.Next(0, 86_000);
        var pid = pids.Next(dayStart + second);
        var qid = PidAllocator.QueueId(rng, pid);
        if (rng.NextDouble() < 0.3)
            day.Add(second, "sm-mta", pid, $"STARTTLS=server, relay={client}, version=TLSv1.3, verify=NO, cipher=TLS_AES_256_GCM_SHA384, bits=256/256");
        var n = rng.Next(1, 4);
        Accepted(second + 1, pid, qid, ip, client, $"news@{words.Partner(i)}", n);
        for (var r = 0; r < n; r++)
            day.Add(second + 2, "sm-mta", pid, $"{qid}: to=<{words.LocalPart()}@{words.OurDomain}>, delay=00:00:01, xdelay=00:00:00, mailer=local, pri={rng.Next(30000, 90000)}, dsn=2.0.0, stat=Sent");
        if (rng.NextDouble() < 0.03)
        {
            truth.Event(EventKind.LostInput, ip, day.Day.AddSeconds(second + 3));
            day.Add(second + 3, "sm-mta", pids.Next(dayStart + second), $"{PidAllocator.QueueId(rng, pid)}: lost input channel from {client} to MTA after data");
        }
        pids.Retire(pid, dayStart + second + 3);
    }

    /// <summary>A user logs in and sends: auth_success and message_accepted. From an attacker's IP that is a compromise.</summary>
    public void Submission(long dayStart, IpAddress128 ip, string user, int? atSecond = null)
    {
        var second = atSecond ?? rng.Next(0, 86_000);
        var pid = pids.Next(dayStart + second);
        var qid = PidAllocator.QueueId(rng, pid);
        var client = Attacker.ClientText(ip, null, forged: false);
        truth.Event(EventKind.AuthSuccess, ip, day.Day.AddSeconds(second), user: user);
        day.Add(second, "sm-mta", pid, $"AUTH=server, relay={client}, authid={user}, mech=PLAIN, bits=0");
        Accepted(second + 1, pid, qid, ip, client, $"{user}@{words.OurDomain}", 1);
        day.Add(second + 2, "sm-mta", pid, $"{qid}: to=<{words.LocalPart()}@{words.ForeignDomain()}>, delay=00:00:02, xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.{words.ForeignDomain()}. [192.0.2.25], dsn=2.0.0, stat=Sent (ok)");
        pids.Retire(pid, dayStart + second + 2);
    }

    public void Local(long dayStart)
    {
        var second = rng.Next(0, 86_000);
        var pid = pids.Next(dayStart + second);
        var qid = PidAllocator.QueueId(rng, pid);
        day.Add(second, "sendmail", pid, $"{qid}: from=root, size={rng.Next(500, 5000)}, class=0, nrcpts=1, msgid=<{qid}@mx.{words.OurDomain}>, relay=root@localhost");
        day.Add(second + 1, "sm-mta", pid + 1, $"{qid}: to=root, ctladdr=root (0/0), delay=00:00:00, xdelay=00:00:00, mailer=local, pri=30000, dsn=2.0.0, stat=Sent");
    }

    public void OtherProgram()
    {
        var second = rng.Next(0, 86_400);
        var pid = rng.Next(300, 60_000);
        switch (rng.Next(4))
        {
            case 0:
                day.Add(second, "dovecot", pid, $"imap-login: Login: user=<{words.LocalPart()}>, method=PLAIN, rip=192.0.2.{rng.Next(1, 255)}, lip=192.0.2.1, TLS");
                break;
            case 1:
                day.Add(second, "CRON", pid, "(root) CMD (test -x /usr/sbin/anacron || run-parts --report /etc/cron.daily)");
                break;
            case 2:
                // The local queue runner is not the MTA: its lines are "other" even when they look like attacks.
                day.Add(second, "sm-msp-queue", pid, "starting daemon (8.17.1.9): queueing@00:20:00");
                break;
            default:
                day.Add(second, "systemd", 1, "Started Session 42 of user root.");
                break;
        }
    }

    /// <summary>User unknown lines of a session that names no client anywhere: the engine must count them unattributed.</summary>
    public void Unattributable(long dayStart)
    {
        var second = rng.Next(0, 86_000);
        var pid = pids.Next(dayStart + second, allowReuse: false);
        var qid = PidAllocator.QueueId(rng, pid);
        for (var i = rng.Next(1, 4); i > 0; i--)
        {
            truth.Event(EventKind.UserUnknown, null, day.Day.AddSeconds(second));
            day.Add(second, "sm-mta", pid, $"{qid}: <{words.LocalPart()}@{words.OurDomain}>... User unknown");
        }
    }

    public void Malformed() => day.AddMalformed(Garbage[rng.Next(Garbage.Length)]);

    private void Accepted(int second, int pid, string qid, IpAddress128 ip, string client, string sender, int recipients)
    {
        truth.Event(EventKind.MessageAccepted, ip, day.Day.AddSeconds(second));
        day.Add(second, "sm-mta", pid, $"{qid}: from=<{sender}>, size={rng.Next(900, 90000)}, class=0, nrcpts={recipients}, msgid=<{rng.Next()}.{qid}@{sender.Split('@')[1]}>, bodytype=8BITMIME, proto=ESMTPS, daemon=MTA, relay={client}");
    }
}
