using System.Diagnostics;
using System.Runtime.Versioning;

namespace AttackDash.Web.FunctionalTests;

/// <summary>
/// scripts/install.sh into a throwaway root, as a package build would run it: the real publish (self-contained,
/// single file), the units that systemd accepts there, and binaries that run without the .NET SDK on the PATH.
/// </summary>
[Collection(PostgresCollection.Name)]
[SupportedOSPlatform("linux")]
public sealed class InstallScriptTests(PostgresFixture pg)
{
    [Fact]
    public async Task The_install_script_puts_a_self_contained_service_in_a_scratch_root_whose_units_systemd_accepts()
    {
        using var dir = new TempDir();
        var root = dir.File("root");
        var (exit, output) = Run(Repository.File("scripts", "install.sh"), ["--root", root], TimeSpan.FromMinutes(15));
        Assert.True(exit == 0, output);

        Assert.Contains("attackdash:x:", await File.ReadAllTextAsync(Path.Combine(root, "etc/passwd")), StringComparison.Ordinal);
        Assert.Equal("/opt/attackdash/bin/attackdash", new FileInfo(Path.Combine(root, "usr/local/bin/attackdash")).LinkTarget);
        Assert.StartsWith(".TH ATTACKDASH 1", await File.ReadAllTextAsync(Path.Combine(root, "usr/local/share/man/man1/attackdash.1")), StringComparison.Ordinal);
        Assert.Contains("complete -o filenames -F _attackdash attackdash", await File.ReadAllTextAsync(Path.Combine(root, "usr/share/bash-completion/completions/attackdash")), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(root, "etc/attackdash/credentials")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(Path.Combine(root, "etc/attackdash/attackdash.env")));

        // verify --root needs the target's own systemd units (sysinit.target, ...): those of this machine.
        Directory.CreateDirectory(Path.Combine(root, "usr/lib/systemd"));
        Assert.Equal(0, Run("cp", ["-a", "/usr/lib/systemd/system", Path.Combine(root, "usr/lib/systemd/system")], TimeSpan.FromMinutes(1)).Exit);
        var verify = Run("systemd-analyze", ["verify", $"--root={root}", "attackdash-web.service", "attackdash-ingest.service", "attackdash-ingest-journal.service"], TimeSpan.FromMinutes(1));
        Assert.True(verify == (0, ""), $"systemd-analyze verify: {verify.Output}");

        var version = Run(Path.Combine(root, "opt/attackdash/bin/attackdash"), ["--version"], TimeSpan.FromMinutes(1), withoutDotnet: true);
        Assert.Equal(0, version.Exit);
        Assert.StartsWith("attackdash ", version.Output, StringComparison.Ordinal);
        await WebAnswersAsync(Path.Combine(root, "opt/attackdash/web/AttackDash.Web"), await pg.NewDatabaseAsync());
    }

    [Fact]
    public void The_cli_packs_as_a_dotnet_tool_that_installs_and_runs()
    {
        using var dir = new TempDir();
        // --no-build: the solution's Release build, which the tests run from, is what gets packed.
        var pack = Run("dotnet", ["pack", Repository.File("src", "AttackDash.Cli"), "-c", "Release", "--no-build", "-o", dir.File("pkg"), "--nologo"], TimeSpan.FromMinutes(5));
        Assert.True(pack.Exit == 0, pack.Output);
        var install = Run("dotnet", ["tool", "install", "--tool-path", dir.File("tools"), "--add-source", dir.File("pkg"), "AttackDash.Cli"], TimeSpan.FromMinutes(5));
        Assert.True(install.Exit == 0, install.Output);
        var version = Run(dir.File("tools/attackdash"), ["--version"], TimeSpan.FromMinutes(1));
        Assert.Equal(0, version.Exit);
        Assert.StartsWith("attackdash ", version.Output, StringComparison.Ordinal);
    }

    /// <summary>The installed web host, started from "/" as a unit without WorkingDirectory= would: /healthz says ok, and its styles are served.</summary>
    private static async Task WebAnswersAsync(string web, string connectionString)
    {
        var free = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        free.Start();
        var port = ((System.Net.IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();
        var start = NoDotnet(new ProcessStartInfo(web) { WorkingDirectory = "/" });
        start.Environment["ConnectionStrings__AttackDash"] = connectionString;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Demo__Enabled"] = "false";
        start.Environment["Review__Enabled"] = "false";
        start.Environment["GeoIp__Directory"] = "/nonexistent";
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var process = ChildProcess.Start(start, output);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var health = "";
            for (var i = 0; i < 120 && health != "ok"; i++)
            {
                Assert.False(process.HasExited, $"the installed web host ended with {(process.HasExited ? process.ExitCode : 0)}: {string.Join('\n', output)}");
                try { health = await http.GetStringAsync("/healthz"); } catch (HttpRequestException) { await Task.Delay(500); }
            }
            Assert.Equal("ok", health);
            Assert.True((await http.GetAsync("/app.css")).IsSuccessStatusCode, "wwwroot is served from beside the binary");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static (int Exit, string Output) Run(string program, string[] args, TimeSpan timeout, bool withoutDotnet = false)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(withoutDotnet ? NoDotnet(start) : start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            return (-1, $"{program} took more than {timeout}");
        }
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>What a mail host without .NET gives the binary: no dotnet on the PATH, and a DOTNET_ROOT that holds nothing.</summary>
    private static ProcessStartInfo NoDotnet(ProcessStartInfo start)
    {
        start.Environment["PATH"] = "/nonexistent";
        start.Environment["DOTNET_ROOT"] = "/nonexistent";
        return start;
    }
}
