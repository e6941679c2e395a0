using AttackDash.Cli;

namespace AttackDash.Core.Tests;

/// <summary>Runs the real <c>attackdash</c> command in-process and captures its output.</summary>
internal static class CliRunner
{
    public static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.RunAsync(args, stdout, stderr).GetAwaiter().GetResult();
        return (exit, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A temporary folder deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("attackdash-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
