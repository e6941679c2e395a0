namespace AttackDash.Cli.Commands;

/// <summary><c>attackdash migrate</c>: brings the database schema up to date.</summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(IEnumerable<string> args, TextWriter stdout, TextWriter stderr)
    {
        _ = new ArgList(args, [], []);
        await using var db = await DatabaseSession.OpenAsync(migrate: true, stderr);
        stdout.WriteLine("attackdash: the database schema is up to date");
        return 0;
    }
}
