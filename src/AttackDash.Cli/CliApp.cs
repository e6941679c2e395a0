namespace AttackDash.Cli;

public static class CliApp
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        _ = args;
        _ = stdout;
        stderr.WriteLine("attackdash: not yet");
        return Task.FromResult(2);
    }
}
