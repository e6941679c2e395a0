using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AttackDash.Web.FunctionalTests;

/// <summary>The CLI reads the Review and Digest settings as the web host does: `review open` honoured neither MinEvents nor SmtpPort.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CliSettingsTests(PostgresFixture pg)
{
    [Fact]
    public async Task Review_open_takes_min_events_and_the_smtp_port_from_the_settings_file()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        await File.WriteAllLinesAsync(dir.File("maillog"), Enumerable.Range(0, 12).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"Jun  3 10:00:{i:D2} mx sm-mta[{100 + i}]: [62.233.50.10]: possible SMTP attack: command=AUTH, count=5")));
        Assert.Equal(0, TestCli.Run(cs, "ingest", "--tz", "UTC", "--year", "2025", dir.File("maillog")).Exit);

        using var smtp = new TcpListener(IPAddress.Loopback, 0);
        smtp.Start();
        var port = ((IPEndPoint)smtp.LocalEndpoint).Port;
        var received = AcceptOneMailAsync(smtp);
        await File.WriteAllTextAsync(dir.File("appsettings.json"), string.Create(CultureInfo.InvariantCulture, $$"""
            { "Review": { "MinEvents": 10 },
              "Digest": { "Transport": "smtp", "SmtpHost": "127.0.0.1", "SmtpPort": {{port}}, "To": [ "ops@example.org" ] } }
            """));
        Environment.SetEnvironmentVariable("ATTACKDASH_SETTINGS", dir.File("appsettings.json"));
        try
        {
            var (exit, stdout, stderr) = TestCli.Run(cs, "review", "open", "--week", "2025-06-02", "--mail");
            Assert.True(exit == 0, stderr);
            // 12 events: under the default 100, over the file's 10.
            Assert.Contains("62.233.50.10", stdout, StringComparison.Ordinal);
            var mail = await received.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Contains("RCPT TO:<ops@example.org>", mail, StringComparison.Ordinal);
            Assert.Contains("Subject:", mail, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ATTACKDASH_SETTINGS", null);
        }
    }

    [Fact]
    public async Task A_wrong_value_in_the_settings_file_is_refused_with_its_section()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir.File("appsettings.json"), """{ "Review": { "MinEvents": 0 } }""");
        Environment.SetEnvironmentVariable("ATTACKDASH_SETTINGS", dir.File("appsettings.json"));
        try
        {
            var (exit, _, stderr) = TestCli.Run(cs, "review", "open");
            Assert.Equal(2, exit);
            Assert.Contains("Review:", stderr, StringComparison.Ordinal);
            Assert.Contains("MinEvents", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ATTACKDASH_SETTINGS", null);
        }
    }

    [Fact]
    public async Task The_web_host_reads_the_same_settings_file_and_the_environment_wins_over_it()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir.File("appsettings.json"), """{ "Security": { "LoginTriesPerMinute": 2 }, "Review": { "MinEvents": 7 } }""");
        Environment.SetEnvironmentVariable("ATTACKDASH_SETTINGS", dir.File("appsettings.json"));
        Environment.SetEnvironmentVariable("Review__MinEvents", "9");
        try
        {
            await using var app = await TestWebApp.StartAsync(cs);
            var configuration = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(app.Services);
            Assert.Equal("2", configuration["Security:LoginTriesPerMinute"]);
            Assert.Equal("9", configuration["Review:MinEvents"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ATTACKDASH_SETTINGS", null);
            Environment.SetEnvironmentVariable("Review__MinEvents", null);
        }
    }

    [Fact]
    public async Task The_connection_string_and_settings_can_come_as_files_in_the_credentials_directory()
    {
        var cs = await pg.NewDatabaseAsync();
        using var dir = new TempDir();
        await File.WriteAllLinesAsync(dir.File("maillog"), Enumerable.Range(0, 12).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"Jun  3 10:00:{i:D2} mx sm-mta[{100 + i}]: [62.233.50.10]: possible SMTP attack: command=AUTH, count=5")));
        // systemd's LoadCredential= puts one file per secret there; the name is the configuration key.
        var credentials = Directory.CreateDirectory(dir.File("credentials")).FullName;
        await File.WriteAllTextAsync(Path.Combine(credentials, "ConnectionStrings__AttackDash"), cs + "\n");
        await File.WriteAllTextAsync(Path.Combine(credentials, "Review__MinEvents"), "10");
        Assert.Equal(0, RunChild(credentials, "ingest", "--tz", "UTC", "--year", "2025", dir.File("maillog")).Exit);
        var (exit, stdout, stderr) = RunChild(credentials, "review", "open", "--week", "2025-06-02");
        Assert.True(exit == 0, stderr);
        // 12 events: under the default 100, over the credential's 10; and on the test's database, named nowhere else.
        Assert.Contains("62.233.50.10", stdout, StringComparison.Ordinal);
        Assert.Equal(1, await TestSql.ScalarAsync(cs, "SELECT count(*) FROM reviews"));
    }

    /// <summary>The real command in its own process, whose only settings are the credentials folder (no connection string variable).</summary>
    private static (int Exit, string Stdout, string Stderr) RunChild(string credentials, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "attackdash.dll"), .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment.Remove("ConnectionStrings__AttackDash");
        start.Environment["CREDENTIALS_DIRECTORY"] = credentials;
        start.Environment["GeoIp__Directory"] = "/nonexistent";
        using var p = System.Diagnostics.Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr);
    }

    /// <summary>Just enough of an SMTP server for one message: returns the whole dialogue from the client.</summary>
    private static async Task<string> AcceptOneMailAsync(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync();
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        var dialogue = new StringBuilder();
        await writer.WriteLineAsync("220 test ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            dialogue.AppendLine(line);
            if (line.StartsWith("DATA", StringComparison.Ordinal))
            {
                await writer.WriteLineAsync("354 go on");
                while (await reader.ReadLineAsync() is { } body && body != ".")
                    dialogue.AppendLine(body);
                await writer.WriteLineAsync("250 queued");
            }
            else if (line.StartsWith("QUIT", StringComparison.Ordinal))
            {
                await writer.WriteLineAsync("221 bye");
                break;
            }
            else
            {
                await writer.WriteLineAsync("250 ok");
            }
        }
        return dialogue.ToString();
    }
}
