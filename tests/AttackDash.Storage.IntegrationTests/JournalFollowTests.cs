using System.Globalization;
using System.Text;
using AttackDash.Core.Input;
using AttackDash.Ingestion;
using AttackDash.Ingestion.Journal;
using AttackDash.Storage.Ingest;
using Entry = AttackDash.Storage.IntegrationTests.JournalFiles.Entry;

namespace AttackDash.Storage.IntegrationTests;

/// <summary><c>ingest --journal --follow</c>: entries appended to a live journal reach the store within seconds, whatever their text.</summary>
[Collection(PostgresCollection.Name)]
public sealed class JournalFollowTests(PostgresFixture pg)
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);
    private int _next;

    [Fact]
    public async Task Entries_appended_to_a_followed_journal_are_stored_within_seconds_from_every_sendmail_tag_and_no_other()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        using var dir = new TempDir();
        JournalFiles.Append(dir.Path, Attacks("sm-mta", 20));
        using (var stop = new CancellationTokenSource())
        {
            var following = Follow(cs, dir.Path, stop.Token);
            await WaitForEvents(cs, 20);
            JournalFiles.Append(dir.Path, [.. Attacks("sendmail", 5), .. Attacks("sm-acceptingconnections", 5), .. Attacks("postfix/smtpd", 5)]);
            await WaitForEvents(cs, 30);
            await stop.CancelAsync();
            await following;
        }
        JournalFiles.Append(dir.Path, Attacks("sm-mta", 7));
        using (var stop = new CancellationTokenSource())
        {
            var following = Follow(cs, dir.Path, stop.Token);
            await WaitForEvents(cs, 37);
            await stop.CancelAsync();
            await following;
        }
        Assert.Equal(37, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events"));
        Assert.Equal(37, await TestSql.ScalarAsync(cs, "SELECT count(DISTINCT client_ip) FROM events"));
    }

    [Fact]
    public async Task A_message_with_a_line_break_invalid_utf8_or_a_megabyte_of_text_frames_nobody_and_stops_nothing()
    {
        var cs = await pg.NewDatabaseAsync();
        Assert.Equal(0, TestCli.Run(cs, "migrate").Exit);
        using var dir = new TempDir();
        var framing = "s1P: <alice@example.org>... User unknown\n" + Start.ToString("yyyy-MM-dd'T'HH:mm:ss+00:00", CultureInfo.InvariantCulture) + " mx sm-mta[9]: [203.0.113.66]: possible SMTP attack: command=AUTH, count=5";
        byte[] invalid = [.. "[198.51.100.7]: possible SMTP attack: command=AUTH, user="u8, 0xff, 0xfe, .. ", count=5"u8];
        JournalFiles.Append(dir.Path,
        [
            new Entry(Start, "mx", "sm-mta", "9", Encoding.UTF8.GetBytes(framing)),
            new Entry(Start.AddSeconds(1), "mx", "sm-mta", "10", invalid),
            new Entry(Start.AddSeconds(2), "mx", "sm-mta", "11", Encoding.ASCII.GetBytes("[198.51.100.8]: " + new string('x', 1 << 20))),
            .. Attacks("sm-mta", 3),
        ]);
        using var stop = new CancellationTokenSource();
        var following = Follow(cs, dir.Path, stop.Token);
        await WaitForEvents(cs, 4);
        await stop.CancelAsync();
        await following;
        Assert.Equal(0, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events WHERE client_ip = '203.0.113.66'"));
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events WHERE client_ip = '198.51.100.7'"));
        Assert.Equal(4, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events"));
    }

    private IEnumerable<Entry> Attacks(string tag, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var n = ++_next;
            yield return new Entry(Start.AddMinutes(n), "mx", tag, $"{1000 + n}",
                Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"[198.18.{n / 256}.{n % 256}]: possible SMTP attack: command=AUTH, count=5")));
        }
    }

    private static Task Follow(string cs, string journal, CancellationToken ct) => Task.Run(async () =>
    {
        await using var store = new EventStore(Store.Of(cs));
        var ingestor = new JournalIngestor(store, new IngestOptions { FlushInterval = TimeSpan.FromMilliseconds(200) },
            new ReadOptions { Zone = TimeZoneInfo.Utc }, new JournalOptions { Directory = journal }, TextWriter.Null)
        {
            PollInterval = TimeSpan.FromMilliseconds(50),
        };
        await ingestor.IngestAsync(follow: true, ct);
    }, CancellationToken.None);

    private static async Task WaitForEvents(string cs, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events") < expected && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.Equal(expected, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM events"));
    }
}
